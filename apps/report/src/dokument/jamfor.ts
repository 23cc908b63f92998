import type { Rapportinnehall, Textblock } from '@tertial/contracts/dto';

export interface Skillnad {
  sektion: string;
  var: string;
  fran: string | null;
  till: string | null;
}

const textrad = (block: Textblock): string => (block.typ === 'lista' ? block.punkter.map((p) => `• ${p}`).join('\n') : block.text);
const cell = (value: string | number | null | undefined): string | null => (value === undefined || value === null ? null : String(value));

/** What differs between two versions: each text block, and each table cell by its row's first cell and its column. */
export function jamforVersioner(fran: Rapportinnehall, till: Rapportinnehall): Skillnad[] {
  const skillnader: Skillnad[] = [];
  const ids = [...new Set([...fran.sektioner.map((s) => s.id), ...till.sektioner.map((s) => s.id)])];
  for (const id of ids) {
    const a = fran.sektioner.find((s) => s.id === id);
    const b = till.sektioner.find((s) => s.id === id);
    const sektion = b?.rubrik ?? a?.rubrik ?? id;
    const texter = Math.max(a?.text.length ?? 0, b?.text.length ?? 0);
    for (let i = 0; i < texter; i++) {
      const x = a?.text[i] ? textrad(a.text[i]!) : null;
      const y = b?.text[i] ? textrad(b.text[i]!) : null;
      if (x !== y) skillnader.push({ sektion, var: `text ${i + 1}`, fran: x, till: y });
    }
    const tabellIds = [...new Set([...(a?.tabeller ?? []), ...(b?.tabeller ?? [])].map((t) => t.id))];
    for (const tabellId of tabellIds) {
      const ta = a?.tabeller.find((t) => t.id === tabellId);
      const tb = b?.tabeller.find((t) => t.id === tabellId);
      const kolumner = (tb ?? ta)!.kolumner;
      const rader = (t: typeof ta) => new Map([...(t?.rader ?? []), ...(t?.summa ? [t.summa] : [])].map((rad) => [String(rad[0]), rad]));
      const ra = rader(ta);
      const rb = rader(tb);
      for (const nyckel of new Set([...ra.keys(), ...rb.keys()])) {
        kolumner.forEach((kolumn, k) => {
          if (k === 0) return;
          const x = cell(ra.get(nyckel)?.[k]);
          const y = cell(rb.get(nyckel)?.[k]);
          if (x !== y) skillnader.push({ sektion, var: `${nyckel}: ${kolumn.rubrik}`, fran: x, till: y });
        });
      }
    }
  }
  return skillnader;
}
