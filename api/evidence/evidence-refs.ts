import type { PrismaClient } from '../../generated/prisma/client.js';
import type { Actor } from '../../domain/roles.js';
import { AppError, ErrorCode } from '../../lib/app-error.js';

/**
 * Workflow inputs reference evidence by file id only: each referenced id must be a file the actor uploaded.
 * An unknown id and someone else's file are the same 400, so ids of others' files are not confirmed.
 */
export async function requireOwnEvidence(prisma: PrismaClient, actor: Actor, items: readonly { fileId?: string | undefined }[], field = 'evidence'): Promise<void> {
  const ids = [...new Set(items.flatMap((item) => (item.fileId ? [item.fileId] : [])))];
  if (ids.length === 0) return;
  const owned = new Set(
    (await prisma.evidenceFile.findMany({ where: { id: { in: ids }, uploadedById: actor.id }, select: { id: true } })).map((row) => row.id),
  );
  const errors = items.flatMap((item, index) =>
    item.fileId && !owned.has(item.fileId) ? [{ path: `${field}.${index}.fileId`, message: 'no evidence file of yours has this id' }] : [],
  );
  if (errors.length > 0) throw new AppError(ErrorCode.VALIDATION, `Invalid request: ${errors[0]!.path}: ${errors[0]!.message}`, { errors });
}
