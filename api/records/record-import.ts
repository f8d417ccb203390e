import { randomBytes } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Prisma, PrismaClient, Subject } from '../../generated/prisma/client.js';
import { localDateOf } from '../../domain/calendar/local-date.js';
import { publicationPolicySchema } from '../../domain/records/publication-policy.js';
import { rectificationPolicySchema } from '../../domain/rectification/rectification-policy.js';
import type { Actor } from '../../domain/roles.js';
import { AppError, ErrorCode, type FieldProblem } from '../../lib/app-error.js';
import { loadPolicy } from '../../lib/policies/load-policy.js';
import { startRecordLifecycle, type LifecyclePolicyPins } from '../../lib/records/start-record-lifecycle.js';
import { appendFirstAuditEvents } from '../../lib/audit/append-audit-event.js';
import { newRecordRow, registeredEvent } from './record-row.js';
import { registerRecordSchema, type RegisterRecordInput } from './record-schemas.js';

export interface RecordImportDeps extends LifecyclePolicyPins {
  prisma: PrismaClient;
  temporal: Client;
  taskQueue: string;
  timeZone: string;
  /** Lifecycle starts in flight at once (bounded: memory and the Temporal frontend stay flat). */
  concurrency?: number;
}

export interface ImportedRecord {
  index: number;
  id: string;
  documentNumber: string;
  /** false: the authority already had this document number (an earlier or concurrent import): nothing written. */
  created: boolean;
}

export interface RecordImportResult {
  imported: number;
  existing: number;
  records: ImportedRecord[];
}

/** Records written per transaction: short transactions, few round trips. */
const WRITE_CHUNK = 100;

/** Runs `work` over `items` with at most `limit` in flight; memory holds the items, never a promise per item. */
async function inPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

/**
 * Bulk registration of records (a file from the national platform): validated as a whole (every bad row is named,
 * nothing is written), idempotent per record (the authority's document number identifies it: a retry writes nothing
 * twice and makes sure each lifecycle runs), lifecycles started concurrently with bounded in-flight work.
 */
export function createRecordImporter({ prisma, temporal, taskQueue, timeZone, concurrency = 16, ...pins }: RecordImportDeps) {
  /** Every row checked: shape, then what needs the database; all problems at once, or the parsed rows. */
  async function validate(actor: Actor, rows: readonly unknown[]): Promise<{ inputs: RegisterRecordInput[]; subjects: Map<string, Subject> }> {
    const problems: FieldProblem[] = [];
    const inputs: RegisterRecordInput[] = [];
    rows.forEach((row, index) => {
      const parsed = registerRecordSchema.safeParse(row);
      if (parsed.success) inputs[index] = parsed.data;
      else for (const issue of parsed.error.issues) problems.push({ path: `records[${index}].${issue.path.join('.')}`, message: issue.message });
    });
    const subjectIds = [...new Set(inputs.filter(Boolean).map((input) => input.subjectId))];
    const subjects = new Map((await prisma.subject.findMany({ where: { id: { in: subjectIds } } })).map((s) => [s.id, s]));
    const today = localDateOf(new Date(), timeZone);
    const seen = new Map<string, number>();
    inputs.forEach((input, index) => {
      const at = (field: string, message: string) => problems.push({ path: `records[${index}].${field}`, message });
      const subject = subjects.get(input.subjectId);
      if (!subject) at('subjectId', `no subject ${input.subjectId}`);
      if (input.decisionDate > today) at('decisionDate', 'must not be in the future');
      if (input.sanctionKind && subject && subject.kind !== 'CIVIL_SERVANT') at('sanctionKind', 'only for civil servants');
      const first = seen.get(input.documentNumber);
      if (first !== undefined) at('documentNumber', `repeats records[${first}].documentNumber`);
      else seen.set(input.documentNumber, index);
    });
    if (problems.length > 0) {
      const badRows = [...new Set(problems.map((p) => Number(/^records\[(\d+)\]/.exec(p.path)?.[1])))].sort((a, b) => a - b);
      throw new AppError(ErrorCode.UNPROCESSABLE, `${badRows.length} of ${rows.length} records are invalid; nothing was imported`, { errors: problems, badRows });
    }
    return { inputs, subjects };
  }

  return {
    validate: async (actor: Actor, rows: readonly unknown[]) => (await validate(actor, rows)).inputs.length,

    async import(actor: Actor, rows: readonly unknown[]): Promise<RecordImportResult> {
      const authorityId = actor.authorityId;
      if (!authorityId) throw new AppError(ErrorCode.FORBIDDEN, 'Only staff of an authority may import records');
      const { inputs, subjects } = await validate(actor, rows);
      const publication = await loadPolicy(prisma, 'PUBLICATION', publicationPolicySchema, pins.publicationPolicyId);
      const needsRectification = inputs.some((i) => subjects.get(i.subjectId)?.kind === 'GOVERNMENT_BODY' && i.rectificationRequired);
      const rectification = needsRectification ? await loadPolicy(prisma, 'RECTIFICATION', rectificationPolicySchema, pins.rectificationPolicyId) : null;
      const today = localDateOf(new Date(), timeZone);
      const results: ImportedRecord[] = [];

      for (let start = 0; start < inputs.length; start += WRITE_CHUNK) {
        const chunk = inputs.slice(start, start + WRITE_CHUNK).map((input, offset) => ({ input, index: start + offset }));
        await prisma.$transaction(async (tx) => {
          const known = await tx.dishonestyRecord.findMany({
            where: { authorityId, documentNumber: { in: chunk.map((c) => c.input.documentNumber) } },
            select: { id: true, documentNumber: true },
          });
          const existing = new Map(known.map((r) => [r.documentNumber, r.id]));
          const fresh = chunk.filter((c) => !existing.has(c.input.documentNumber)).map((c) => ({ ...c, id: `rec-${c.input.decisionDate.slice(0, 4)}-${randomBytes(5).toString('hex')}` }));
          await tx.dishonestyRecord.createMany({
            data: fresh.map(({ input, id }) => newRecordRow(id, input, subjects.get(input.subjectId)!, { authorityId, actorId: actor.id }, publication, today)),
          });
          await tx.recordVersion.createMany({
            data: fresh.map(({ input, id }) => ({ recordId: id, version: 1, facts: input.facts as Prisma.InputJsonValue, change: 'CREATED', actorId: actor.id, reason: 'imported' })),
          });
          // The records are new in this transaction: their chains start here, all in one statement.
          await appendFirstAuditEvents(tx, fresh.map(({ input, id }) => registeredEvent(id, input, actor, publication, { imported: true })));
          for (const { input, index } of chunk) {
            const id = existing.get(input.documentNumber) ?? fresh.find((f) => f.index === index)!.id;
            results.push({ index, id, documentNumber: input.documentNumber, created: !existing.has(input.documentNumber) });
          }
        });
      }

      // Lifecycles: of every record of the batch that is in force, new or found (a retry after a crash between the
      // commit and the start finds its records here); starting one twice is harmless (same workflow id).
      const indexOf = new Map(results.map((r) => [r.id, r.index]));
      const active = await prisma.dishonestyRecord.findMany({ where: { id: { in: [...indexOf.keys()] }, status: 'ACTIVE' } });
      await inPool(active, concurrency, async (record) => {
        await startRecordLifecycle(record, subjects.get(record.subjectId)!, {
          prisma,
          temporal,
          taskQueue,
          rectificationRequired: inputs[indexOf.get(record.id)!]!.rectificationRequired,
          // A record found from an earlier import keeps the policy it was registered under.
          policies: { ...(record.publicationPolicyId === publication.id ? { publication } : {}), rectification },
          ...pins,
        });
      });
      const imported = results.filter((r) => r.created).length;
      return { imported, existing: results.length - imported, records: results.sort((a, b) => a.index - b.index) };
    },
  };
}

export type RecordImporter = ReturnType<typeof createRecordImporter>;
