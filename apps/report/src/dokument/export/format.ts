/** Amounts as the council reads them: öre shown in mnkr with one decimal and Swedish separators, `12 345,6`. */
export function mnkr(ore: number | null): string {
  if (ore === null) return '–';
  const tiondelar = Math.round(ore / 10_000_000);
  const tecken = tiondelar < 0 ? '−' : '';
  const abs = Math.abs(tiondelar);
  const heltal = String(Math.floor(abs / 10)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${tecken}${heltal},${abs % 10}`;
}

/** A cell of a report table as text; amounts in mnkr. */
export function cellText(value: string | number | null, typ: 'text' | 'belopp'): string {
  if (typ === 'belopp') return mnkr(typeof value === 'number' ? value : null);
  return value === null ? '' : String(value);
}

/** Öre as kronor for a spreadsheet cell: exact to the öre once shown with two decimals. */
export const kronor = (ore: number): number => ore / 100;
