/**
 * Canonical JSON for hashing: object keys sorted (by UTF-16 code units) at every depth, no whitespace, values as
 * JSON.stringify writes them (undefined object members are left out, undefined array items and non-finite numbers
 * become null, a Date its ISO string through toJSON). Two equal JSON values give the same text whatever their key
 * order, which is what PostgreSQL's jsonb does not keep.
 */
export function canonicalJson(value: unknown): string {
  return write(value) ?? 'null';
}

function write(value: unknown): string | undefined {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return write((value as { toJSON: () => unknown }).toJSON());
  }
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'bigint':
      return JSON.stringify(value.toString());
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((item) => write(item) ?? 'null').join(',')}]`;
      const members: string[] = [];
      for (const key of Object.keys(value).sort()) {
        const member = write((value as Record<string, unknown>)[key]);
        if (member !== undefined) members.push(`${JSON.stringify(key)}:${member}`);
      }
      return `{${members.join(',')}}`;
    }
    default:
      // undefined, functions and symbols have no JSON form.
      return undefined;
  }
}
