/**
 * Workflow interceptor (registered for every workflow of the bundle): an update is accepted only when the API signed
 * it, and a signal that changes a case only when the API or the worker signed it (domain/security/signed-action.ts).
 * Whoever reaches the Temporal frontend without the signing key (the CLI, a UI with write actions) can no longer act
 * in a case as a forged actor. The public key is compiled into the bundle (lib/temporal-security/workflow-bundle.ts).
 *
 * Determinism: update validators do not run on replay, so a key change never affects a replayed update. Signals have
 * no validator: an unsigned one is dropped behind patched(), so histories from before this check replay as they ran.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import {
  defaultPayloadConverter,
  log,
  patched,
  workflowInfo,
  type Headers,
  type WorkflowInboundCallsInterceptor,
  type WorkflowInterceptorsFactory,
} from '@temporalio/workflow';
import {
  ACTION_SIGNATURE_HEADER,
  isActionSignature,
  SIGNED_SIGNALS,
  SIGNED_UPDATE_MAX_AGE_MS,
  signedActionMessage,
  SignedActionKind,
} from '../../domain/security/signed-action.js';
import { FailureType } from './failure-types.js';
import { reject } from './validators.js';

declare const __CREDIT_ENGINE_ACTION_PUBLIC_KEYS__: string[] | undefined;

/**
 * Set by the bundler: the current public key, then earlier ones (a replayed signal was verified with the key of its
 * day). A bundle without keys accepts no update and no case-changing signal.
 */
const PUBLIC_KEYS: Uint8Array[] =
  typeof __CREDIT_ENGINE_ACTION_PUBLIC_KEYS__ === 'object' && Array.isArray(__CREDIT_ENGINE_ACTION_PUBLIC_KEYS__)
    ? __CREDIT_ENGINE_ACTION_PUBLIC_KEYS__.map((hex) => hexToBytes(hex))
    : [];

/** Patch of the signal check: histories without its marker handled unsigned signals. */
export const SIGNED_SIGNALS_PATCH = 'signed-signals-v1';

interface CheckedAction {
  kind: SignedActionKind;
  name: string;
  id: string;
  args: readonly unknown[];
  headers: Headers;
  maxAgeMs: number | null;
}

/** Why the action is not the API's own, or null when its signature holds. */
export function signatureProblem(action: CheckedAction): string | null {
  if (PUBLIC_KEYS.length === 0) return 'this worker has no key to verify signed actions';
  const header = action.headers[ACTION_SIGNATURE_HEADER];
  if (!header) return 'it is not signed';
  let signature: unknown;
  try {
    signature = defaultPayloadConverter.fromPayload(header);
  } catch {
    return 'its signature header is unreadable';
  }
  if (!isActionSignature(signature)) return 'its signature header is malformed';
  const issuedAt = Date.parse(signature.issuedAt);
  if (Number.isNaN(issuedAt)) return 'its signature has no valid time';
  if (action.maxAgeMs !== null && Math.abs(Date.now() - issuedAt) > action.maxAgeMs) return 'its signature has expired';
  const message = signedActionMessage({
    kind: action.kind,
    workflowId: workflowInfo().workflowId,
    name: action.name,
    id: action.id,
    issuedAt: signature.issuedAt,
    args: action.args,
  });
  const bytes = utf8ToBytes(message);
  const valid = PUBLIC_KEYS.some((publicKey) => {
    try {
      return ed25519.verify(hexToBytes(signature.sig), bytes, publicKey);
    } catch {
      return false;
    }
  });
  return valid ? null : 'its signature does not match';
}

class ActionSignatureInbound implements WorkflowInboundCallsInterceptor {
  validateUpdate: NonNullable<WorkflowInboundCallsInterceptor['validateUpdate']> = (input, next) => {
    const problem = signatureProblem({
      kind: SignedActionKind.UPDATE,
      name: input.name,
      id: input.updateId,
      args: input.args,
      headers: input.headers,
      maxAgeMs: SIGNED_UPDATE_MAX_AGE_MS,
    });
    if (problem) {
      // Validators leave no history and do no I/O: the worker's log is where a forged attempt shows.
      log.warn('Refused an update not sent by the API', { update: input.name, updateId: input.updateId, problem });
      reject(FailureType.FORBIDDEN, `The update ${input.name} does not come from the API: ${problem}`);
    }
    next(input);
  };

  handleSignal: NonNullable<WorkflowInboundCallsInterceptor['handleSignal']> = async (input, next) => {
    if (SIGNED_SIGNALS.includes(input.signalName) && patched(SIGNED_SIGNALS_PATCH)) {
      // No age limit: a signal may wait in history while the worker is down.
      const problem = signatureProblem({ kind: SignedActionKind.SIGNAL, name: input.signalName, id: '', args: input.args, headers: input.headers, maxAgeMs: null });
      if (problem) {
        log.warn('Dropped a signal not sent by the product', { signal: input.signalName, problem });
        return;
      }
    }
    await next(input);
  };
}

export const interceptors: WorkflowInterceptorsFactory = () => ({ inbound: [new ActionSignatureInbound()] });
