import { useQuery } from '@tanstack/react-query';
import { Input, Typography, type InputProps } from 'antd';
import { useId } from 'react';
import { api, must } from '../../api/client';

/** What GET /authorities accepts as q (the API's searchTextSchema): otherwise nothing is asked. */
const SEARCHABLE = /^[\p{L}\p{N}\s〔〕（）()[\]【】第号_.:-]{1,100}$/u;

function useAuthorities(text: string | null | undefined) {
  const q = text?.trim() ?? '';
  return useQuery({
    queryKey: ['authorities', q],
    queryFn: () => must(api.GET('/authorities', { params: { query: q ? { q } : {} } })),
    enabled: q === '' || SEARCHABLE.test(q),
    staleTime: 5 * 60_000,
  });
}

/** "某市中级人民法院（auth-1）" for a known authority, its id otherwise. */
export function AuthorityName({ id }: { id: string | null | undefined }) {
  const found = useAuthorities(id).data?.items.find((a) => a.id === id);
  if (!id) return <>—</>;
  return <>{found ? `${found.name}（${id}）` : id}</>;
}

/**
 * An authority's id, typed or picked by name: the browser's own suggestion list (a datalist) offers the authorities
 * whose name or id matches what is typed, and the name of the one typed shows under the field.
 */
export function AuthorityInput({ value, ...props }: Omit<InputProps, 'list'>) {
  const listId = useId();
  const text = typeof value === 'string' ? value : '';
  const authorities = useAuthorities(text).data?.items ?? [];
  const exact = authorities.find((a) => a.id === text.trim());
  return (
    <>
      <Input {...props} value={value} list={listId} autoComplete="off" />
      <datalist id={listId}>
        {authorities.map((a) => (
          <option key={a.id} value={a.id} label={a.name} />
        ))}
      </datalist>
      {exact && <Typography.Text type="secondary">{exact.name}</Typography.Text>}
    </>
  );
}
