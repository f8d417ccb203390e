import { addDays } from '../calendar/local-date.js';
import type { RepairPolicy } from './repair-policy.js';

/** Why a record cannot be repaired now, and from when it could be (when that is known). */
export interface RepairObstacle {
  code:
    | 'RECORD_NOT_ACTIVE'
    | 'NOT_PUBLISHED_RECORD'
    | 'EXCLUDED_KIND'
    | 'MIN_PERIOD_NOT_SERVED'
    | 'RECTIFICATION_NOT_COMPLETED'
    | 'APPLICATION_OPEN'
    | 'RECENTLY_REFUSED'
    | 'BARRED'
    | 'REPEATED_OFFENCES';
  message: string;
  /** ISO date from which this obstacle is gone by itself, when it ends with time. */
  from?: string;
}

export interface RepairFacts {
  record: {
    status: string;
    source: string;
    minPublishedUntil: string | null;
    rectificationStatus: string;
    leniency: string;
  };
  openApplicationId: string | null;
  /** The latest refusal's earliest reapplication date, if any. */
  reapplyFrom: string | null;
  barredUntil: string | null;
  recentRecordCount: number;
}

export interface RepairEligibility {
  repairable: boolean;
  obstacles: RepairObstacle[];
  /** When every obstacle that ends with time has ended (null when some obstacle does not end by itself). */
  earliestFrom: string | null;
}

/** The credit-repair conditions of 令第36号 (as ../shared/domain/rules.md lists them), checked on facts. */
export function checkRepairEligibility(facts: RepairFacts, policy: RepairPolicy, today: string): RepairEligibility {
  const obstacles: RepairObstacle[] = [];
  const { record } = facts;
  if (record.status !== 'ACTIVE') obstacles.push({ code: 'RECORD_NOT_ACTIVE', message: `The record is ${record.status}; there is nothing to repair` });
  if (record.leniency === 'EXEMPTED') obstacles.push({ code: 'NOT_PUBLISHED_RECORD', message: 'The record was exempted and is not published' });
  if (policy.excludedSources.includes(record.source)) {
    obstacles.push({ code: 'EXCLUDED_KIND', message: `Records from ${record.source} cannot be repaired under the rules in force` });
  }
  // 民法典 arts. 201–202 [C]: a period in months ends at the end (24:00) of its last day, so repair opens the day after.
  if (record.minPublishedUntil === null) {
    obstacles.push({ code: 'MIN_PERIOD_NOT_SERVED', message: 'The minimum publication period of this record is not known yet' });
  } else if (record.minPublishedUntil >= today) {
    obstacles.push({ code: 'MIN_PERIOD_NOT_SERVED', message: 'The minimum publication period has not been served', from: addDays(record.minPublishedUntil, 1) });
  }
  if (record.rectificationStatus === 'PENDING' || record.rectificationStatus === 'OVERDUE') {
    obstacles.push({ code: 'RECTIFICATION_NOT_COMPLETED', message: 'The rectification order has not been completed and accepted' });
  }
  if (facts.openApplicationId) {
    obstacles.push({ code: 'APPLICATION_OPEN', message: `Repair application ${facts.openApplicationId} is still open` });
  }
  if (facts.reapplyFrom && facts.reapplyFrom > today) {
    obstacles.push({ code: 'RECENTLY_REFUSED', message: 'A repair was refused recently', from: facts.reapplyFrom });
  }
  if (facts.barredUntil && facts.barredUntil > today) {
    obstacles.push({ code: 'BARRED', message: 'A repair of this subject was revoked for false materials', from: facts.barredUntil });
  }
  if (policy.repeatOffenceLimit !== null && facts.recentRecordCount >= policy.repeatOffenceLimit) {
    obstacles.push({ code: 'REPEATED_OFFENCES', message: `${facts.recentRecordCount} records within ${policy.repeatOffenceWindowMonths} months` });
  }
  const timeBound = obstacles.every((o) => o.from !== undefined);
  const earliestFrom = obstacles.length === 0 || !timeBound ? null : obstacles.map((o) => o.from!).sort().at(-1)!;
  return { repairable: obstacles.length === 0, obstacles, earliestFrom };
}
