import { z } from 'zod';

/** A Temporal payload in the JSON form of the codec server protocol: metadata values and data in base64. */
const base64 = z.string().max(8 * 1024 * 1024).regex(/^[A-Za-z0-9+/_-]*={0,2}$/, 'must be base64');
export const codecPayloadSchema = z.object({
  metadata: z.record(z.string().max(256), base64).optional(),
  data: base64.optional(),
});

export const codecBodySchema = z.object({ payloads: z.array(codecPayloadSchema).max(1000) });
export type CodecBody = z.infer<typeof codecBodySchema>;
