import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so equal content always gives equal bytes. */
export function kanoniskJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(kanoniskJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${kanoniskJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The content hash of a fixed version: SHA-256 of its canonical JSON, in hex. */
export function innehallshash(value: unknown): string {
  return createHash('sha256').update(kanoniskJson(value)).digest('hex');
}
