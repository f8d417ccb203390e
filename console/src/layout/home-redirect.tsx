import { Navigate } from 'react-router';
import { useSession } from '../session/use-session';

const HOME = { APPLICANT: '/records', REVIEWER: '/inbox', SUPERVISOR: '/inbox', ADMIN: '/dashboard' } as const;

/** Each role's start page. */
export function HomeRedirect() {
  const session = useSession();
  return session.data ? <Navigate to={HOME[session.data.role]} replace /> : null;
}
