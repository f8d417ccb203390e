import { Client, Connection, type ClientOptions } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { tracingClientInterceptors } from './observability/temporal-tracing.js';
import type { Tracing } from './observability/tracing.js';
import { actionSigningInterceptor } from './temporal-security/action-signing-interceptor.js';
import { AesGcmPayloadCodec } from './temporal-security/aes-gcm-payload-codec.js';
import type { TemporalKeys } from './temporal-security/temporal-keys.js';

export interface TemporalClientOptions {
  address: string;
  namespace: string;
  keys: TemporalKeys;
  /** With tracing on, the client carries the current trace into Temporal. */
  tracing?: Tracing | null | undefined;
}

/** Payloads are encrypted before they reach Temporal (clients and workers alike). */
export function temporalDataConverter(keys: TemporalKeys): DataConverter {
  return { payloadCodecs: [new AesGcmPayloadCodec(keys.payload, keys.previousPayloadKeys)] };
}

/**
 * What every client of the product's workflows needs: the payload codec and the signing of updates and signals
 * (and, with tracing on, the propagation of the current trace).
 */
export function secureClientOptions(keys: TemporalKeys, tracing: Tracing | null = null): Pick<ClientOptions, 'dataConverter' | 'interceptors'> {
  return {
    dataConverter: temporalDataConverter(keys),
    interceptors: { workflow: [actionSigningInterceptor(keys.signing.secretKey), ...tracingClientInterceptors(tracing)] },
  };
}

export async function createTemporalClient(options: TemporalClientOptions): Promise<Client> {
  const connection = await Connection.connect({ address: options.address });
  return new Client({ connection, namespace: options.namespace, ...secureClientOptions(options.keys, options.tracing ?? null) });
}
