import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../lib/audit/canonical-json.js';
import { eventHash, storedJson } from '../../lib/audit/event-hash.js';

describe('canonical JSON and event hashes', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: null }], c: '中文' } })).toBe('{"a":{"c":"中文","d":[3,{"y":null,"z":1}]},"b":1}');
  });

  it('writes what JSON.stringify writes for dates, undefined and non-finite numbers', () => {
    expect(canonicalJson({ at: new Date('2026-01-05T08:00:00Z'), gone: undefined, list: [undefined, NaN] })).toBe(
      '{"at":"2026-01-05T08:00:00.000Z","list":[null,null]}',
    );
  });

  it('gives the same hash whatever the key order, and another hash for any changed field', () => {
    const base = {
      prevHash: null,
      eventKey: 'k',
      caseId: 'c',
      caseType: 'T',
      type: 'X',
      actorId: 'a',
      actorRole: 'R',
      reason: null,
      data: { x: 1, y: [1, 2] },
      occurredAt: new Date('2026-01-05T08:00:00Z'),
    };
    const hash = eventHash(base);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(eventHash({ ...base, data: { y: [1, 2], x: 1 } })).toBe(hash);
    expect(eventHash({ ...base, data: { x: 1, y: [2, 1] } })).not.toBe(hash);
    expect(eventHash({ ...base, reason: '' })).not.toBe(hash);
    expect(eventHash({ ...base, prevHash: 'f'.repeat(64) })).not.toBe(hash);
    expect(eventHash({ ...base, occurredAt: new Date('2026-01-05T08:00:00.001Z') })).not.toBe(hash);
  });

  it('hashes event data as the database gives it back', () => {
    expect(storedJson({ a: undefined, at: new Date('2026-01-05T00:00:00Z') })).toEqual({ at: '2026-01-05T00:00:00.000Z' });
    expect(storedJson(undefined)).toBeNull();
  });
});
