import createClient from 'openapi-fetch';
import type { paths } from './generated/schema';

/** The header the API requires (with a same-origin Origin) on every state-changing request of a cookie session. */
const CSRF_HEADERS = { 'X-Requested-With': 'credit-console' };

/**
 * The API client, typed from the product's own OpenAPI document (generated at build time): a path, parameter or body
 * the API does not have fails the console's type check. The session rides in the httpOnly cookie; no token is ever
 * kept in the page.
 */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin', headers: CSRF_HEADERS });

/** An answer of the API that is an error: its problem+json document. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  reason?: string;
  lockedUntil?: string;
  errors?: { path: string; message: string }[];
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
  }
}

/** The data of a successful answer, or an ApiError carrying the API's problem document. */
export async function must<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) {
    const problem = (typeof error === 'object' && error !== null ? error : {}) as Partial<Problem>;
    throw new ApiError({ ...problem, status: response.status });
  }
  return data as T;
}
