import { z } from 'zod';

const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string(),
  instance: z.string().optional(),
  requestId: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export function jsonBody(schema: z.ZodType) {
  return { content: { 'application/json': { schema } } };
}

export function jsonResponse(description: string, schema: z.ZodType) {
  return { description, content: { 'application/json': { schema } } };
}

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input',
  401: 'Missing, invalid or expired token',
  403: 'The caller’s role may not do this',
  404: 'Not found, or not visible to the caller',
  409: 'Conflict, or not allowed in the current state',
  422: 'The Idempotency-Key was already used with a different request',
  429: 'Too many requests from this actor; see Retry-After',
};

export function problemResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: PROBLEM_DESCRIPTIONS[status] ?? 'Error', content: { 'application/problem+json': { schema: problemSchema } } },
    ]),
  );
}
