import { randomBytes, randomInt } from 'node:crypto';
import type { Actor } from '../../domain/roles.js';
import type { PrismaClient } from '../../lib/prisma.js';
import { randomCreditCode } from './credit-codes.js';

const suffix = () => randomBytes(4).toString('hex');

/**
 * An isolated set of people and records for one test, shared by every case type's fixtures: an authority with two
 * reviewers and two supervisors, another authority's reviewer, a government body with its applicant, and an
 * administrator (a `User` row for each).
 */
export async function createWorld(prisma: PrismaClient) {
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

  /** A record of the world's body made by its authority, written directly (no lifecycle workflow runs for it). */
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

  return { suffix: s, authorityId, otherAuthorityId, subjectId, actors, createRecord };
}

export type World = Awaited<ReturnType<typeof createWorld>>;
