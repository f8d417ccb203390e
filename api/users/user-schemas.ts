import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

extendZodWithOpenApi(z);

const id = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._:@-]+$/, 'must be a user id');

export const usersQuerySchema = z
  .object({
    ids: z
      .string()
      .max(6600)
      .transform((value) => [...new Set(value.split(',').map((part) => part.trim()).filter(Boolean))])
      .pipe(z.array(id).min(1).max(100))
      .openapi({ description: 'Comma-separated user ids (at most 100)', example: 'reviewer-1,applicant-1' }),
  })
  .strict();

export const userDirectorySchema = z
  .object({
    items: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        role: z.string(),
        organization: z.string().nullable().openapi({ description: 'The authority (staff) or subject (applicant) the person belongs to' }),
      }),
    ),
  })
  .openapi('UserDirectory');
