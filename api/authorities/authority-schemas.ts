import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { searchTextSchema } from '../work/work-item-schemas.js';

extendZodWithOpenApi(z);

export const AUTHORITY_PAGE_SIZE = 50;

export const authoritiesQuerySchema = z
  .object({
    q: searchTextSchema.optional().openapi({ description: 'Part of the authority\'s name, or the start of its id or 统一社会信用代码' }),
  })
  .strict();

export const authorityListSchema = z
  .object({
    items: z.array(z.object({ id: z.string(), name: z.string(), creditCode: z.string() })).openapi({ description: `At most ${AUTHORITY_PAGE_SIZE}, by name` }),
  })
  .openapi('AuthorityList');
