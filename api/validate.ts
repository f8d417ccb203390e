import type { z } from 'zod';
import { fromZodError } from './errors/zod-problems.js';

/** Parses request input at the edge; a mismatch is a 400 problem listing every field at fault. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw fromZodError(result.error);
  return result.data;
}
