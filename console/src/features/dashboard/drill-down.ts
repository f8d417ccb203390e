/** The inbox's address for the cases behind a number of the dashboard (GET /work-items takes the same filters). */
export function drillDown(filters: Record<string, string | undefined>): string {
  const params = new URLSearchParams({ scope: 'all' });
  for (const [key, value] of Object.entries(filters)) if (value !== undefined) params.set(key, value);
  return `/inbox?${params.toString()}`;
}
