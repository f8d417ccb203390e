import { randomBytes, randomInt } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { creditCodeCheckCharacter } from '../../domain/credit-code.js';
import { DEFAULT_OBJECTION_POLICY, type ObjectionPolicy } from '../../domain/objection/objection-policy.js';
import type { Actor } from '../../domain/roles.js';
import type { PrismaClient } from '../../lib/prisma.js';
import { createObjectionService } from '../../api/objections/objection-service.js';

const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid, random 统一社会信用代码 (machine-made codes start with 11: 机关). */
export function randomCreditCode(): string {
  let body = '11' + String(randomInt(100000, 999999));
  for (let i = 0; i < 9; i++) body += CODE_CHARS.charAt(randomInt(CODE_CHARS.length));
  return body + creditCodeCheckCharacter(body);
}

const suffix = () => randomBytes(4).toString('hex');

/**
 * An isolated set of people and records for one test: an authority with two reviewers and two supervisors,
 * another authority's reviewer, a government body with its applicant, and a policy of the test's own.
 */
export async function createObjectionWorld(prisma: PrismaClient, policyOverrides: Partial<ObjectionPolicy> = {}) {
  const s = suffix();
  const authorityId = `auth-${s}`;
  const otherAuthorityId = `auth-other-${s}`;
  const subjectId = `body-${s}`;
  await prisma.authority.createMany({
    data: [
      { id: authorityId, name: '测试市中级人民法院', creditCode: randomCreditCode() },
      { id: otherAuthorityId, name: '测试市市场监督管理局', creditCode: randomCreditCode() },
    ],
  });
  await prisma.subject.create({ data: { id: subjectId, kind: 'GOVERNMENT_BODY', name: '测试县人民政府', creditCode: randomCreditCode() } });

  const actor = (id: string, role: Actor['role'], extra: Partial<Actor>): Actor => ({ id: `${id}-${s}`, role, subjectId: null, authorityId: null, ...extra });
  const actors = {
    applicant: actor('applicant', 'APPLICANT', { subjectId }),
    otherApplicant: actor('applicant-other', 'APPLICANT', { subjectId: `nobody-${s}` }),
    reviewer: actor('reviewer', 'REVIEWER', { authorityId }),
    reviewer2: actor('reviewer2', 'REVIEWER', { authorityId }),
    supervisor: actor('supervisor', 'SUPERVISOR', { authorityId }),
    supervisor2: actor('supervisor2', 'SUPERVISOR', { authorityId }),
    foreignReviewer: actor('reviewer-foreign', 'REVIEWER', { authorityId: otherAuthorityId }),
    admin: actor('admin', 'ADMIN', {}),
  };
  await prisma.user.createMany({
    data: Object.values(actors).map((a) => ({
      id: a.id,
      name: a.id,
      role: a.role,
      subjectId: a.subjectId === subjectId ? subjectId : null,
      authorityId: a.authorityId ?? null,
    })),
  });

  const policyId = `objection-test-${s}@1`;
  const params: ObjectionPolicy = { ...DEFAULT_OBJECTION_POLICY, secondsPerWorkingDay: 60, ...policyOverrides };
  await prisma.policy.create({
    data: { id: policyId, name: `objection-test-${s}`, processType: 'OBJECTION', version: 1, params, active: false },
  });

  async function createRecord(overrides: { severity?: 'GENERAL' | 'SERIOUS' } = {}) {
    const id = `rec-${suffix()}`;
    const facts = { title: '拖欠中小企业账款', summary: '未按合同约定支付工程款', amountOwedYuan: 1_200_000 };
    await prisma.dishonestyRecord.create({
      data: {
        id,
        subjectId,
        authorityId,
        source: 'COURT_JUDGMENT',
        documentNumber: `（2025）测01执${randomInt(1, 1_000_000)}号-${id}`,
        severity: overrides.severity ?? 'GENERAL',
        policyArea: 'ARREARS_TO_FIRMS',
        facts,
        decisionDate: new Date('2025-06-02'),
        publishedFrom: new Date('2025-06-02'),
        publishedUntil: new Date('2026-06-02'),
        versions: { create: { version: 1, facts, change: 'CREATED', actorId: 'seed', reason: 'registered' } },
      },
    });
    return id;
  }

  return { authorityId, otherAuthorityId, subjectId, actors, policyId, policy: params, createRecord };
}

export type ObjectionWorld = Awaited<ReturnType<typeof createObjectionWorld>>;

export function objectionServiceFor(prisma: PrismaClient, temporal: Client, taskQueue: string, world: ObjectionWorld) {
  return createObjectionService({ prisma, temporal, taskQueue, objectionPolicyId: world.policyId });
}

/** Polls until `check` returns a value (not undefined) or the time runs out. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 20_000, intervalMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
