import type { Client } from '@temporalio/client';
import type { PrismaClient } from '../lib/prisma.js';
import type { Logger } from '../lib/logger.js';
import type { TokenSettings } from '../lib/auth-tokens.js';
import type { DeadlineCalculator } from '../lib/calendar/deadline-calculator.js';

/** Everything the HTTP API needs; built by server.ts, or by a test with its own task queue. */
export interface AppDeps {
  prisma: PrismaClient;
  temporal: Client;
  logger: Logger;
  taskQueue: string;
  tokens: TokenSettings;
  deadlines: DeadlineCalculator;
  /** Pins the objection policy (OBJECTION_POLICY_ID); by default the newest active policy applies. */
  objectionPolicyId?: string | undefined;
  /** Pin the publication and rectification policies (tests, or an office that fixes them). */
  publicationPolicyId?: string | undefined;
  rectificationPolicyId?: string | undefined;
}
