import { useQuery } from '@tanstack/react-query';
import { api, must } from '../api/client';
import { label, ROLE_LABEL } from './labels';

const SYSTEM = 'system';

/**
 * The names of the people on a page (claimer, deciders, the timeline's actors), read once for all of them from
 * GET /users; the API leaves out people the signed-in user may not see, who stay shown by id.
 */
export function usePeople(ids: readonly (string | null | undefined)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => !!id && id !== SYSTEM))].sort().slice(0, 100);
  const people = useQuery({
    queryKey: ['users', wanted],
    queryFn: () => must(api.GET('/users', { params: { query: { ids: wanted.join(',') } } })),
    enabled: wanted.length > 0,
    staleTime: 5 * 60_000,
  });
  const byId = new Map((people.data?.items ?? []).map((p) => [p.id, p]));
  return {
    /** "王敏" for a known person, the id otherwise. */
    name: (id: string | null | undefined): string => (id ? (byId.get(id)?.name ?? id) : '—'),
    /** "王敏（核查员 · 某市中级人民法院）". */
    full: (id: string | null | undefined): string => {
      const p = id ? byId.get(id) : undefined;
      if (!p) return id ?? '—';
      return `${p.name}（${[label(ROLE_LABEL, p.role), p.organization].filter(Boolean).join(' · ')}）`;
    },
  };
}
export type People = ReturnType<typeof usePeople>;
