import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { AppError, ErrorCode } from '../../lib/app-error.js';

extendZodWithOpenApi(z);

/**
 * One list implementation for every case list (objections, repairs, rectifications, records): keyset pagination
 * in the order (sort key desc, id desc), which the composite indexes `(scope…, sortKey, id)` serve by a backward
 * index scan that stops after one page, however deep the page. Page numbers with a total stay only where a count
 * is cheap: a list scoped to one subject or one record (an applicant's own list, or `subjectId`/`recordId` given).
 */

/** Query parameters every list accepts. */
export const pageQueryShape = {
  cursor: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/, 'must be a nextCursor of an earlier page')
    .optional()
    .openapi({ description: 'The nextCursor of the previous page; omit for the first page' }),
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .optional()
    .openapi({ description: 'Page number: only for a list of one subject or one record (where a count is cheap); elsewhere follow nextCursor' }),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

export interface PageQuery {
  cursor?: string | undefined;
  page?: number | undefined;
  pageSize: number;
}

/** The answer of every list: `page` and `total` only where the list is countable. */
export interface ListPage<V> {
  items: V[];
  pageSize: number;
  nextCursor: string | null;
  page?: number;
  total?: number;
}

/** The OpenAPI shape of a list answer. */
export function listPageSchema(item: z.ZodType) {
  return z.object({
    items: z.array(item),
    pageSize: z.number(),
    nextCursor: z.string().nullable().openapi({ description: 'Pass as cursor for the next page; null on the last page' }),
    page: z.number().optional().openapi({ description: 'Only in a list of one subject or one record' }),
    total: z.number().optional().openapi({ description: 'Only in a list of one subject or one record' }),
  });
}

interface KeysetArgs<K extends string> {
  where: Record<string, unknown>;
  orderBy: [Record<K, 'desc'>, { id: 'desc' }];
  take: number;
  skip?: number;
}

export interface ListSource<Row, K extends string> {
  /** The sort key: a DateTime column; ties are broken by id. */
  sortKey: K;
  /** Whether a count is cheap here (see above). */
  countable: boolean;
  /** Reads rows matching the list's own filters AND `args.where`, with the given order, take and skip. */
  find(args: KeysetArgs<K>): Promise<Row[]>;
  count(): Promise<number>;
}

function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const date = new Date(String(at));
    if (typeof id === 'string' && typeof at === 'string' && !Number.isNaN(date.getTime())) return { at: date, id };
  } catch {
    // falls through to the validation error
  }
  throw new AppError(ErrorCode.VALIDATION, 'cursor: not a cursor this API issued', { errors: [{ path: 'cursor', message: 'not a cursor this API issued' }] });
}

function validationError(path: string, message: string): AppError {
  return new AppError(ErrorCode.VALIDATION, `${path}: ${message}`, { errors: [{ path, message }] });
}

/** Reads one page of a list. */
export async function listPage<Row extends { id: string }, K extends string, V>(
  source: ListSource<Row, K>,
  query: PageQuery,
  view: (row: Row) => V,
): Promise<ListPage<V>> {
  const { sortKey, countable } = source;
  if (query.cursor !== undefined && query.page !== undefined) throw validationError('page', 'give either page or cursor');
  if (query.page !== undefined && query.page > 1 && !countable) {
    throw validationError('page', 'page numbers are for the list of one subject or one record; follow nextCursor instead');
  }
  const orderBy: KeysetArgs<K>['orderBy'] = [{ [sortKey]: 'desc' } as Record<K, 'desc'>, { id: 'desc' }];
  let where: Record<string, unknown> = {};
  if (query.cursor !== undefined) {
    const { at, id } = decodeCursor(query.cursor);
    // `sortKey <= at` bounds the index scan; the OR only drops the ties already shown.
    where = { AND: [{ [sortKey]: { lte: at } }, { OR: [{ [sortKey]: { lt: at } }, { id: { lt: id } }] }] };
  }
  const skip = query.page !== undefined ? (query.page - 1) * query.pageSize : undefined;
  const [rows, total] = await Promise.all([
    source.find({ where, orderBy, take: query.pageSize + 1, ...(skip ? { skip } : {}) }),
    countable ? source.count() : Promise.resolve(undefined),
  ]);
  const more = rows.length > query.pageSize;
  const items = more ? rows.slice(0, query.pageSize) : rows;
  const last = items.at(-1);
  const lastKey = last ? (last as unknown as Record<K, Date>)[sortKey] : undefined;
  return {
    items: items.map(view),
    pageSize: query.pageSize,
    nextCursor: more && last && lastKey ? encodeCursor(lastKey, last.id) : null,
    ...(countable ? { page: query.page ?? 1, total } : {}),
  };
}

/** A count is cheap when the list is one subject's or one record's: a handful of rows on an index. */
export function countableFor(actor: { role: string }, filters: { subjectId?: string | undefined; recordId?: string | undefined }): boolean {
  return actor.role === 'APPLICANT' || filters.subjectId !== undefined || filters.recordId !== undefined;
}
