import { createBrowserRouter, Navigate } from 'react-router';
import { AppLayout, RequireRole } from './layout/app-layout';
import { CasePage } from './features/cases/case-page';
import { DashboardPage } from './features/dashboard/dashboard-page';
import { FileObjectionPage } from './features/applicant/file-objection-page';
import { InboxPage } from './features/inbox/inbox-page';
import { LoginPage } from './features/login/login-page';
import { MyRecordsPage } from './features/applicant/my-records-page';
import { PublicRecordsPage } from './features/public/public-records-page';
import { HomeRedirect } from './layout/home-redirect';
import { PageError } from './layout/page-error';

export const router = createBrowserRouter(
  [
    { path: '/login', element: <LoginPage /> },
    { path: '/public', element: <PublicRecordsPage /> },
    {
      element: <AppLayout />,
      errorElement: <PageError />,
      children: [
        { index: true, element: <HomeRedirect /> },
        { path: 'records', element: <RequireRole roles={['APPLICANT']}><MyRecordsPage /></RequireRole> },
        { path: 'records/:recordId/objection', element: <RequireRole roles={['APPLICANT']}><FileObjectionPage /></RequireRole> },
        { path: 'inbox', element: <RequireRole roles={['REVIEWER', 'SUPERVISOR', 'ADMIN']}><InboxPage /></RequireRole> },
        { path: 'dashboard', element: <RequireRole roles={['ADMIN']}><DashboardPage /></RequireRole> },
        { path: 'cases/:caseId', element: <CasePage /> },
        { path: '*', element: <Navigate to="/" replace /> },
      ],
    },
  ],
  { basename: '/console' },
);
