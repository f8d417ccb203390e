import { createHash, randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import type { EvidenceFile, PrismaClient } from '../../generated/prisma/client.js';
import type { Actor } from '../../domain/roles.js';
import { AppError, ErrorCode } from '../../lib/app-error.js';
import { appendAuditEvent } from '../../lib/audit/append-audit-event.js';
import type { Logger } from '../../lib/logger.js';
import { FileNotFoundError, type FileStore } from '../../lib/storage/file-store.js';
import { EVIDENCE_CASE_TYPES, evidenceCaseTypeOf, requireVisibleCase, requireOpenCase, canSeeCase, type CaseRef } from './evidence-cases.js';
import { evidenceContentType } from './evidence-content.js';

export interface EvidenceServiceDeps {
  prisma: PrismaClient;
  store: FileStore;
  logger: Logger;
}

export interface UploadedFile {
  /** The name the client declared (shown back, never used as a storage key). */
  originalName: string;
  content: Buffer;
}

export function evidenceView(row: EvidenceFile) {
  return {
    id: row.id,
    caseType: evidenceCaseTypeOf(row.caseType) ?? row.caseType,
    caseId: row.caseId,
    fileName: row.fileName,
    mediaType: row.mediaType,
    size: row.size,
    sha256: row.sha256,
    uploadedById: row.uploadedById,
    createdAt: row.createdAt.toISOString(),
    contentUrl: `/evidence/${row.id}/content`,
  };
}

/**
 * Characters that change how a name displays without being seen: bidirectional overrides and isolates (U+202E makes
 * "exe.pdf" read as "fdp.exe"), zero-width characters and the BOM. Removed from file names, like control characters.
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** A display name: the last path segment, NFC, without control or invisible characters, at most 200 characters. */
export function displayName(declared: string): string {
  const cleaned = basename(declared.normalize('NFC').replaceAll('\\', '/')).replace(INVISIBLE, '').trim();
  return cleaned.slice(-200) || 'file';
}

export function createEvidenceService({ prisma, store, logger }: EvidenceServiceDeps) {
  /** The file's row, if the actor may see its case; otherwise the file does not exist for them. */
  async function loadVisible(actor: Actor, fileId: string): Promise<EvidenceFile> {
    const row = await prisma.evidenceFile.findUnique({ where: { id: fileId } });
    const caseType = row ? evidenceCaseTypeOf(row.caseType) : undefined;
    if (!row || !caseType || !(await canSeeCase(prisma, actor, { caseType, caseId: row.caseId }))) {
      throw AppError.notFound('Evidence file', fileId);
    }
    return row;
  }

  return {
    /** Before a body is read: the case exists for the actor (else 404) and is still open (else 409). */
    async requireOpenVisibleCase(actor: Actor, ref: CaseRef) {
      await requireVisibleCase(prisma, actor, ref);
      await requireOpenCase(prisma, ref);
    },

    /**
     * Stores an uploaded file for a case the actor can see: content checked, hashed and stored under a generated key,
     * then the EvidenceFile row and its EVIDENCE_UPLOADED audit event in one transaction.
     */
    async upload(actor: Actor, ref: CaseRef, file: UploadedFile) {
      if (file.content.length === 0) throw new AppError(ErrorCode.VALIDATION, 'The file is empty');
      const fileName = displayName(file.originalName);
      const { mediaType } = await evidenceContentType(file.content, fileName);
      const sha256 = createHash('sha256').update(file.content).digest('hex');
      const now = new Date();
      const id = `evd-${randomUUID()}`;
      const storageKey = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${id}`;
      await store.put(storageKey, file.content);
      try {
        const row = await prisma.$transaction(async (tx) => {
          const created = await tx.evidenceFile.create({
            data: {
              id,
              caseType: EVIDENCE_CASE_TYPES[ref.caseType],
              caseId: ref.caseId,
              uploadedById: actor.id,
              fileName,
              mediaType,
              size: file.content.length,
              sha256,
              storageKey,
              createdAt: now,
            },
          });
          await appendAuditEvent(tx, {
            eventKey: `evidence/${id}`,
            caseId: ref.caseId,
            caseType: EVIDENCE_CASE_TYPES[ref.caseType],
            type: 'EVIDENCE_UPLOADED',
            actorId: actor.id,
            actorRole: actor.role,
            data: { fileId: id, fileName, mediaType, size: file.content.length, sha256 },
            occurredAt: now,
          });
          return created;
        });
        return evidenceView(row);
      } catch (err) {
        await store.delete?.(storageKey).catch((cleanupError: unknown) => logger.warn({ err: cleanupError, storageKey }, 'could not remove an orphaned evidence file'));
        throw err;
      }
    },

    async list(actor: Actor, ref: CaseRef) {
      await requireVisibleCase(prisma, actor, ref);
      const rows = await prisma.evidenceFile.findMany({
        where: { caseType: EVIDENCE_CASE_TYPES[ref.caseType], caseId: ref.caseId },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      });
      return { items: rows.map(evidenceView) };
    },

    async get(actor: Actor, fileId: string) {
      return evidenceView(await loadVisible(actor, fileId));
    },

    /** The file's metadata and its content, opened (so a missing content fails before the answer starts). */
    async open(actor: Actor, fileId: string): Promise<{ file: EvidenceFile; content: Readable }> {
      const file = await loadVisible(actor, fileId);
      try {
        return { file, content: await store.get(file.storageKey) };
      } catch (err) {
        if (err instanceof FileNotFoundError) logger.error({ fileId, storageKey: file.storageKey }, 'evidence content missing from the file store');
        throw err;
      }
    },
  };
}

export type EvidenceService = ReturnType<typeof createEvidenceService>;
