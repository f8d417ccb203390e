import cors from 'cors';
import express, { type Router } from 'express';
import { apiRouter } from '../api-router.js';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { AppError, ErrorCode } from '../../lib/app-error.js';
import { requirePermission } from '../auth/authenticate.js';
import { parseInput } from '../validate.js';
import { codecBodySchema, type CodecBody } from './codec-schemas.js';

export interface CodecRouterOptions {
  codec: PayloadCodec;
  /** Origins of the Temporal Web UI (TEMPORAL_UI_ORIGIN), which calls the endpoint from the browser. */
  uiOrigins: readonly string[];
}

const fromJson = (body: CodecBody): Payload[] =>
  body.payloads.map(({ metadata, data }) => ({
    metadata: Object.fromEntries(Object.entries(metadata ?? {}).map(([key, value]) => [key, Buffer.from(value, 'base64')])),
    data: Buffer.from(data ?? '', 'base64'),
  }));

const toJson = (payloads: Payload[]): CodecBody => ({
  payloads: payloads.map(({ metadata, data }) => ({
    metadata: Object.fromEntries(Object.entries(metadata ?? {}).map(([key, value]) => [key, Buffer.from(value ?? []).toString('base64')])),
    data: Buffer.from(data ?? []).toString('base64'),
  })),
});

/**
 * The remote codec of the Temporal Web UI and CLI (`--codec-endpoint …/codec --codec-auth "Bearer …"`): decodes the
 * encrypted payloads of workflow histories, for administrators only. Mounted before the app's JSON parser so that a
 * history's payloads (up to 4 MB a call) fit.
 */
export function codecRouter({ codec, uiOrigins }: CodecRouterOptions): Router {
  const router = apiRouter();
  router.use(
    ['/codec/encode', '/codec/decode'],
    cors({ origin: [...uiOrigins], methods: ['POST'], allowedHeaders: ['Authorization', 'Content-Type', 'X-Namespace'], credentials: true, maxAge: 600 }),
  );
  const parse = express.json({ limit: '4mb', strict: true });

  const route = (path: string, run: (payloads: Payload[]) => Promise<Payload[]>) =>
    router.post(path, requirePermission('temporal.codec'), parse, async (req, res) => {
      const payloads = fromJson(parseInput(codecBodySchema, req.body));
      let result: Payload[];
      try {
        result = await run(payloads);
      } catch (err) {
        // A payload this installation's keys cannot decode (another key, tampered data) is the caller's input.
        throw new AppError(ErrorCode.VALIDATION, `The payloads cannot be processed: ${err instanceof Error ? err.message : 'unknown error'}`);
      }
      res.json(toJson(result));
    });
  route('/codec/decode', (payloads) => codec.decode(payloads));
  route('/codec/encode', (payloads) => codec.encode(payloads));
  return router;
}
