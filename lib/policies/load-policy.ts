import type { z } from 'zod';
import type { PolicySnapshot } from '../../domain/policies/policy-snapshot.js';
import { AppError, ErrorCode } from '../app-error.js';
import type { PrismaClient } from '../prisma.js';

/** The policy in force for a process: the pinned one, or the newest active one. */
export async function loadPolicy<S extends z.ZodType>(
  prisma: PrismaClient,
  processType: string,
  schema: S,
  pinnedId?: string,
): Promise<PolicySnapshot<z.infer<S>>> {
  const row = await prisma.policy.findFirst({
    where: pinnedId ? { processType, id: pinnedId } : { processType, active: true },
    orderBy: [{ createdAt: 'desc' }, { version: 'desc' }],
  });
  if (!row) throw new AppError(ErrorCode.UNAVAILABLE, `No ${processType.toLowerCase()} policy is in force; an administrator must configure one`);
  return { id: row.id, name: row.name, version: row.version, params: schema.parse(row.params) };
}
