import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Flex, Layout, Menu, Result, Spin, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { api, must } from '../api/client';
import { problemText } from '../api/problem-text';
import { label, ROLE_LABEL } from '../lib/labels';
import { usePeople } from '../lib/people';
import { useSession, type SessionActor } from '../session/use-session';
import { LAYOUT_TEXT as T } from './texts';

const NAV: { key: string; to: string; text: string; roles: SessionActor['role'][] }[] = [
  { key: 'records', to: '/records', text: T.nav.records, roles: ['APPLICANT'] },
  { key: 'inbox', to: '/inbox', text: T.nav.inbox, roles: ['APPLICANT', 'REVIEWER', 'SUPERVISOR', 'ADMIN'] },
  { key: 'commitments', to: '/commitments', text: T.nav.commitments, roles: ['APPLICANT'] },
  { key: 'complaint', to: '/complaints/new', text: T.nav.complaint, roles: ['REVIEWER', 'SUPERVISOR'] },
  { key: 'proposals', to: '/record-proposals', text: T.nav.proposals, roles: ['REVIEWER', 'SUPERVISOR', 'ADMIN'] },
  { key: 'dashboard', to: '/dashboard', text: T.nav.dashboard, roles: ['ADMIN'] },
  { key: 'calendar', to: '/admin/calendar', text: T.nav.calendar, roles: ['ADMIN'] },
  { key: 'audit', to: '/admin/audit', text: T.nav.audit, roles: ['ADMIN'] },
  { key: 'outbox', to: '/admin/outbox', text: T.nav.outbox, roles: ['ADMIN'] },
  { key: 'public', to: '/public', text: T.nav.public, roles: ['APPLICANT', 'REVIEWER', 'SUPERVISOR', 'ADMIN'] },
];

/** The signed-in frame: header with the role's menu, the user and a logout button; the page below. */
export function AppLayout() {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();

  const signedIn = !!session.data;
  // The header's pending count: the signed-in person's work across case types, refreshed every minute.
  const pending = useQuery({
    queryKey: ['work-items', 'summary'],
    queryFn: () => must(api.GET('/work-items/summary')),
    enabled: signedIn,
    refetchInterval: 60_000,
  });
  const people = usePeople([session.data?.id]);

  if (session.isPending) return <Spin fullscreen tip={T.loading} />;
  if (!session.data) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  const actor = session.data;

  const logout = async () => {
    const { error, response } = await api.POST('/auth/logout', { body: {} });
    if (!response.ok) {
      message.error(problemText(error));
      return;
    }
    queryClient.clear();
    message.success(T.loggedOut);
    await navigate('/login');
  };

  const count = pending.data?.actionable ?? 0;
  const items = NAV.filter((n) => n.roles.includes(actor.role)).map((n) => ({
    key: n.key,
    label:
      n.key === 'inbox' ? (
        <Link to={n.to} aria-label={`${n.text}（${T.pending(count)}）`}>
          <Badge count={count} size="small" offset={[10, -2]} overflowCount={999}>
            <span style={{ color: 'rgba(255, 255, 255, 0.85)' }}>{n.text}</span>
          </Badge>
        </Link>
      ) : (
        <Link to={n.to}>{n.text}</Link>
      ),
  }));
  const selected = NAV.find((n) => location.pathname.startsWith(n.to))?.key;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24 }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap' }}>
          {T.product}
        </Typography.Text>
        <nav aria-label={T.mainNav} style={{ flex: 1, minWidth: 0 }}>
          <Menu theme="dark" mode="horizontal" items={items} selectedKeys={selected ? [selected] : []} />
        </nav>
        <Flex align="center" gap={8}>
          <Typography.Text style={{ color: '#fff' }}>
            {T.signedInAs}：{people.name(actor.id)}
          </Typography.Text>
          <Tag color="gold">{label(ROLE_LABEL, actor.role)}</Tag>
          <Button onClick={() => void logout()}>{T.logout}</Button>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        <main>
          <Outlet context={actor} />
        </main>
      </Layout.Content>
    </Layout>
  );
}

/** Shows the page only to the given roles (the API refuses the others anyway; this only explains it). */
export function RequireRole({ roles, children }: { roles: SessionActor['role'][]; children: ReactNode }) {
  const session = useSession();
  if (!session.data || !roles.includes(session.data.role)) return <Result status="403" title="403" subTitle={T.forbidden} />;
  return <>{children}</>;
}
