/**
 * Starts the lifecycle workflow (publication, sanctions, rectification, eligibility) of every active record that
 * has none yet: seeded records, or records imported straight into the database. Safe to run again.
 * Usage: npx tsx scripts/adopt-records.ts
 */
import { loadConfig, temporalKeysOf } from '../lib/config.js';
import { createPrismaClient } from '../lib/prisma.js';
import { startRecordLifecycle } from '../lib/records/start-record-lifecycle.js';
import { createTemporalClient } from '../lib/temporal-connection.js';
import { recordWorkflowId } from '../workflows/record/record-contract.js';

const config = loadConfig();
const prisma = createPrismaClient(config.DATABASE_URL);
const temporal = await createTemporalClient({ address: config.TEMPORAL_ADDRESS, namespace: config.TEMPORAL_NAMESPACE, keys: temporalKeysOf(config) });
try {
  const records = await prisma.dishonestyRecord.findMany({ where: { status: 'ACTIVE', workflowId: null }, include: { subject: true } });
  for (const { subject, ...record } of records) {
    const rectificationRequired = subject.kind === 'GOVERNMENT_BODY' && record.rectificationStatus !== 'RECTIFIED';
    await prisma.dishonestyRecord.update({ where: { id: record.id }, data: { workflowId: recordWorkflowId(record.id) } });
    await startRecordLifecycle({ ...record, workflowId: recordWorkflowId(record.id) }, subject, {
      prisma,
      temporal,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      rectificationRequired,
    });
  }
  console.error(`[adopt-records] ${records.length} record lifecycle(s) started`);
} finally {
  await temporal.connection.close();
  await prisma.$disconnect();
}
