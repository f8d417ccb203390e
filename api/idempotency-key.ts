import type { Request } from 'express';
import { z } from 'zod';
import { parseInput } from './validate.js';

const idempotencyKeySchema = z
  .string()
  .trim()
  .min(8)
  .max(128)
  .regex(/^[A-Za-z0-9._:-]+$/, 'Idempotency-Key must be 8–128 characters of letters, digits, . _ : -');

/** The optional Idempotency-Key header, validated. */
export function idempotencyKeyOf(req: Request): string | undefined {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) return undefined;
  const header = z.object({ 'Idempotency-Key': idempotencyKeySchema });
  return parseInput(header, { 'Idempotency-Key': Array.isArray(raw) ? raw.join(',') : raw })['Idempotency-Key'];
}
