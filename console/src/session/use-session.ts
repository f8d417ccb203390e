import { useQuery } from '@tanstack/react-query';
import { ApiError, api, must } from '../api/client';

export interface SessionActor {
  id: string;
  role: 'APPLICANT' | 'REVIEWER' | 'SUPERVISOR' | 'ADMIN';
  subjectId?: string | null;
  authorityId?: string | null;
}

export const SESSION_KEY = ['session'] as const;

/** Who is signed in (GET /me with the session cookie); null when nobody is. */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async (): Promise<SessionActor | null> => {
      try {
        return (await must(api.GET('/me'))) as SessionActor;
      } catch (err) {
        if (err instanceof ApiError && err.problem.status === 401) return null;
        throw err;
      }
    },
    staleTime: 60_000,
  });
}
