/**
 * One case, driven three ways with the same steps timed: the product through its HTTP API (register a record, file
 * an objection, accept, decide), and the bare workflows through a Temporal client (start the record workflow, start
 * the case workflow, Update accept, Update decide).
 */
import { randomBytes } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { bareAcceptUpdate, bareDecideUpdate } from './bare/bare-workflows.js';
import type { Timings } from './support/stats.js';

export type CaseDriver = (i: number, timings: Timings) => Promise<void>;

export interface ProductApi {
  url: string;
  tokens: { applicant: string; reviewer: string; reviewer2: string };
}

async function post(api: ProductApi, path: string, token: string, body: unknown): Promise<{ id: string }> {
  const res = await fetch(api.url + path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string };
}

export function productCase(api: ProductApi): CaseDriver {
  return async (i, timings) => {
    const start = performance.now();
    const record = await timings.time('register', () =>
      post(api, '/records', api.tokens.reviewer, {
        subjectId: 'body-1',
        source: 'ADMINISTRATIVE_PENALTY',
        documentNumber: `BENCH-${randomBytes(6).toString('hex')}-${i}`,
        severity: 'GENERAL',
        policyArea: 'OTHER',
        decisionDate: '2026-03-02',
        facts: { title: 'bench', summary: 'bench' },
        rectificationRequired: false,
      }),
    );
    const objection = await timings.time('file', () => post(api, '/objections', api.tokens.applicant, { recordId: record.id, grounds: 'INACCURATE_OR_INCOMPLETE', statement: 'bench' }));
    await timings.time('accept', () => post(api, `/objections/${objection.id}/accept`, api.tokens.reviewer, {}));
    await timings.time('decide', () =>
      post(api, `/objections/${objection.id}/decision`, api.tokens.reviewer2, { outcome: 'CORRECT', reasons: 'bench', changes: { summary: 'corrected' } }),
    );
    timings.add('case', performance.now() - start);
  };
}

export function bareCase(client: Client, taskQueue: string, local: boolean): CaseDriver {
  const run = randomBytes(3).toString('hex');
  let sequence = 0;
  return async (_i, timings) => {
    const start = performance.now();
    const input = { subjectId: 'body-1', local };
    const id = `${local ? 'local' : 'ordinary'}-${run}-${(sequence += 1)}`;
    await timings.time('register', () => client.workflow.start('bareRecordWorkflow', { workflowId: `bare-record-${id}`, taskQueue, args: [input] }));
    const handle = await timings.time('file', () => client.workflow.start('bareCaseWorkflow', { workflowId: `bare-case-${id}`, taskQueue, args: [input] }));
    await timings.time('accept', () => handle.executeUpdate(bareAcceptUpdate));
    await timings.time('decide', () => handle.executeUpdate(bareDecideUpdate));
    timings.add('case', performance.now() - start);
  };
}
