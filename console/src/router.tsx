import { createBrowserRouter, Navigate } from 'react-router';
import { AppLayout, RequireRole } from './layout/app-layout';
import { CasePage } from './features/cases/case-page';
import { DashboardPage } from './features/dashboard/dashboard-page';
import { FileObjectionPage } from './features/applicant/file-objection-page';
import { InboxPage } from './features/inbox/inbox-page';
import { LoginPage } from './features/login/login-page';
import { MyRecordsPage } from './features/applicant/my-records-page';
import { PublicRecordsPage } from './features/public/public-records-page';
import { ApplyRepairPage } from './features/repairs/apply-repair-page';
import { RepairPage } from './features/repairs/repair-page';
import { RectificationPage } from './features/rectifications/rectification-page';
import { CalendarPage } from './features/admin/calendar-page';
import { AuditPage } from './features/admin/audit-page';
import { OutboxPage } from './features/admin/outbox-page';
import { RegisterComplaintPage } from './features/complaints/register-complaint-page';
import { ComplaintPage } from './features/complaints/complaint-page';
import { ComplaintLookupPage } from './features/public/complaint-lookup-page';
import { MyCommitmentsPage } from './features/commitments/my-commitments-page';
import { CommitmentPage } from './features/commitments/commitment-page';
import { RecordProposalsPage } from './features/record-proposals/record-proposals-page';
import { HomeRedirect } from './layout/home-redirect';
import { PageError } from './layout/page-error';

export const router = createBrowserRouter(
  [
    { path: '/login', element: <LoginPage /> },
    { path: '/public', element: <PublicRecordsPage /> },
    { path: '/public/complaint-lookup', element: <ComplaintLookupPage /> },
    {
      element: <AppLayout />,
      errorElement: <PageError />,
      children: [
        { index: true, element: <HomeRedirect /> },
        { path: 'records', element: <RequireRole roles={['APPLICANT']}><MyRecordsPage /></RequireRole> },
        { path: 'records/:recordId/objection', element: <RequireRole roles={['APPLICANT']}><FileObjectionPage /></RequireRole> },
        { path: 'records/:recordId/repair', element: <RequireRole roles={['APPLICANT']}><ApplyRepairPage /></RequireRole> },
        { path: 'inbox', element: <InboxPage /> },
        { path: 'complaints/new', element: <RequireRole roles={['REVIEWER', 'SUPERVISOR']}><RegisterComplaintPage /></RequireRole> },
        { path: 'complaints/:complaintId', element: <RequireRole roles={['REVIEWER', 'SUPERVISOR', 'ADMIN']}><ComplaintPage /></RequireRole> },
        { path: 'commitments', element: <RequireRole roles={['APPLICANT']}><MyCommitmentsPage /></RequireRole> },
        { path: 'commitments/:commitmentId', element: <CommitmentPage /> },
        { path: 'record-proposals', element: <RequireRole roles={['REVIEWER', 'SUPERVISOR', 'ADMIN']}><RecordProposalsPage /></RequireRole> },
        { path: 'dashboard', element: <RequireRole roles={['ADMIN']}><DashboardPage /></RequireRole> },
        { path: 'admin/calendar', element: <RequireRole roles={['ADMIN']}><CalendarPage /></RequireRole> },
        { path: 'admin/audit', element: <RequireRole roles={['ADMIN']}><AuditPage /></RequireRole> },
        { path: 'admin/outbox', element: <RequireRole roles={['ADMIN']}><OutboxPage /></RequireRole> },
        { path: 'cases/:caseId', element: <CasePage /> },
        { path: 'repairs/:applicationId', element: <RepairPage /> },
        { path: 'rectifications/:rectificationId', element: <RectificationPage /> },
        { path: '*', element: <Navigate to="/" replace /> },
      ],
    },
  ],
  { basename: '/console' },
);
