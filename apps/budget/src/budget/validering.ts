/**
 * A problem with one field of a domain function's input. `field` and `message` are named as the service
 * kit's `FieldError`, so a NestJS shell can answer them as problem details (422) without translation.
 */
export interface Fel {
  readonly field: string;
  readonly message: string;
}

/** What a domain function that validates returns: the value, or every problem found (never only the first). */
export type Validerat<T> = { readonly ok: true; readonly varde: T } | { readonly ok: false; readonly fel: readonly Fel[] };

export function godkant<T>(varde: T): Validerat<T> {
  return { ok: true, varde };
}

export function avvisat<T>(fel: readonly Fel[]): Validerat<T> {
  return { ok: false, fel };
}

/** An amount read from stored or mapped data: whole öre inside exact integer arithmetic. */
export function arHeltOre(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** A `YYYY-MM-DD` date that exists in the calendar. */
export function arDatum(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const datum = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(datum.getTime()) && datum.toISOString().startsWith(value);
}
