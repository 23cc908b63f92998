import type { SortDirection } from '@tanstack/react-table';

import { formatAntal } from '../format/antal.js';

/** A cell's value for sorting: a number, a text, or nothing (a figure not known yet), which sorts last. */
export type Sorteringsvarde = number | string | null | undefined;

const svenska = new Intl.Collator('sv', { numeric: true, sensitivity: 'base' });

/**
 * Ascending order of two values: numbers by size, texts in Swedish order (å, ä, ö after z; "2" before "10").
 * Missing values are not compared here; the table puts them last in either direction (`sortUndefined`).
 */
export function jamforVarden(a: Sorteringsvarde, b: Sorteringsvarde): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return svenska.compare(String(a ?? ''), String(b ?? ''));
}

/** A figure that may be missing, as the table sorts it: `undefined` is what the table recognises as missing. */
export function saknasSomUndefined<T>(varde: T | null | undefined): T | undefined {
  return varde ?? undefined;
}

/** The header's `aria-sort`: only the sorted column carries it. */
export function ariaSort(riktning: false | SortDirection): 'ascending' | 'descending' | undefined {
  if (riktning === 'asc') return 'ascending';
  if (riktning === 'desc') return 'descending';
  return undefined;
}

/** What a press on a sortable header will do, for the visually hidden hint beside its name. */
export function nastaSorteringText(nasta: false | SortDirection): string {
  if (nasta === 'asc') return 'sortera stigande';
  if (nasta === 'desc') return 'sortera fallande';
  return 'ta bort sorteringen';
}

/** "Rad 51–100 av 2 964" for a page of a long table; rows and pages counted from one. */
export function sidtext({ sida, radPerSida, antalRader }: { sida: number; radPerSida: number; antalRader: number }): string {
  if (antalRader === 0) return 'Inga rader';
  const forsta = sida * radPerSida + 1;
  const sista = Math.min(antalRader, (sida + 1) * radPerSida);
  return `Rad ${formatAntal(forsta)}–${formatAntal(sista)} av ${formatAntal(antalRader)}`;
}
