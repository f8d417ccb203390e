import { randomUUID } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { WorkflowClientInterceptor } from '@temporalio/client';
import { defaultPayloadConverter, type Headers } from '@temporalio/common';
import {
  ACTION_SIGNATURE_HEADER,
  type ActionSignature,
  type SignedActionFields,
  signedActionMessage,
  SignedActionKind,
} from '../../domain/security/signed-action.js';

/** Adds the signature header for one update or signal to the headers it is sent with. */
export type ActionSigner = (headers: Headers, fields: Omit<SignedActionFields, 'issuedAt'>) => Headers;

export function actionSigner(secretKey: Uint8Array, now: () => Date = () => new Date()): ActionSigner {
  return (headers, fields) => {
    const issuedAt = now().toISOString();
    const signature: ActionSignature = {
      v: 1,
      issuedAt,
      sig: bytesToHex(ed25519.sign(utf8ToBytes(signedActionMessage({ ...fields, issuedAt })), secretKey)),
    };
    return { ...headers, [ACTION_SIGNATURE_HEADER]: defaultPayloadConverter.toPayload(signature) };
  };
}

/**
 * Client interceptor of the API's and the worker's Temporal clients: every update and signal they send carries the
 * signature the workflows check (workflows/shared/action-signature-interceptor.ts). Updates get their id here, so the
 * signature covers it.
 */
export function actionSigningInterceptor(secretKey: Uint8Array): WorkflowClientInterceptor {
  const sign = actionSigner(secretKey);
  return {
    startUpdate(input, next) {
      const updateId = input.options.updateId ?? randomUUID();
      const fields = { kind: SignedActionKind.UPDATE, workflowId: input.workflowExecution.workflowId, name: input.updateName, id: updateId, args: input.args };
      return next({ ...input, options: { ...input.options, updateId }, headers: sign(input.headers, fields) });
    },
    startUpdateWithStart(input, next) {
      const updateId = input.updateOptions.updateId ?? randomUUID();
      const workflowId = input.workflowStartOptions.workflowId;
      const fields = { kind: SignedActionKind.UPDATE, workflowId, name: input.updateName, id: updateId, args: input.updateArgs };
      return next({ ...input, updateOptions: { ...input.updateOptions, updateId }, updateHeaders: sign(input.updateHeaders, fields) });
    },
    signal(input, next) {
      const fields = { kind: SignedActionKind.SIGNAL, workflowId: input.workflowExecution.workflowId, name: input.signalName, id: '', args: input.args };
      return next({ ...input, headers: sign(input.headers, fields) });
    },
    signalWithStart(input, next) {
      const fields = { kind: SignedActionKind.SIGNAL, workflowId: input.options.workflowId, name: input.signalName, id: '', args: input.signalArgs };
      return next({ ...input, headers: sign(input.headers, fields) });
    },
  };
}
