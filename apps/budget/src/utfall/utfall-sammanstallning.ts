import type { UtfallImportResultat } from '@tertial/contracts/dto';
import { kontogruppForKonto, type KontogruppIntervall } from '@tertial/contracts/kontoplan';
import type { Sie4Result } from '@tertial/sie4';

export interface Radmeddelande {
  rad: number;
  post: string;
  meddelande: string;
}

/** Balance-sheet accounts (classes 1–2) move money but are not utfall; the #VER's counter-bookings land there. */
export const ARETS_FORSTA_RESULTATKONTO = 3000;

/** A Kommun-Bas account number from the file's text; anything but four digits is not one. */
export function kontonummer(text: string): number | undefined {
  return /^\d{4}$/.test(text) ? Number(text) : undefined;
}

/** Whether a file's account is a result account (class 3–8), the ones that are utfall. */
export function arResultatkonto(text: string): boolean {
  const konto = kontonummer(text);
  return konto === undefined || konto >= ARETS_FORSTA_RESULTATKONTO;
}

/**
 * Checks what a file names against the city's master data: every result account must be known (in the
 * chart or declared by the file's #KONTO) and belong to a kontogrupp, every ansvar must be an enhet of the
 * organisation in the file's periods, and every booking on a result account must carry an ansvar.
 */
export function kontrolleraMotGrunddata(
  result: Sie4Result,
  grunddata: { kandaKonton: ReadonlySet<number>; mappning: readonly KontogruppIntervall[]; kandaAnsvar: ReadonlySet<string> },
): Radmeddelande[] {
  const fel: Radmeddelande[] = [];
  const deklarerade = new Set(result.konton.map((konto) => konto.konto));
  const forstaRad = new Map(result.konton.map((konto) => [konto.konto, konto.firstLine]));
  const resultatkonton = new Set(result.utfall.filter((rad) => arResultatkonto(rad.konto)).map((rad) => rad.konto));
  for (const text of [...resultatkonton].sort()) {
    const rad = forstaRad.get(text) ?? 0;
    const konto = kontonummer(text);
    if (konto === undefined) fel.push({ rad, post: '#TRANS', meddelande: `kontot ${text} är inte ett fyrsiffrigt Kommun-Bas-konto` });
    else if (!grunddata.kandaKonton.has(konto) && !deklarerade.has(text))
      fel.push({ rad, post: '#TRANS', meddelande: `kontot ${konto} finns inte i kontoplanen` });
    else if (!kontogruppForKonto(konto, grunddata.mappning))
      fel.push({ rad, post: '#KONTO', meddelande: `kontot ${konto} hör inte till någon kontogrupp i mappningstabellen` });
  }
  for (const ansvar of result.ansvar) {
    if (!grunddata.kandaAnsvar.has(ansvar.kod))
      fel.push({
        rad: ansvar.firstLine,
        post: '#OBJEKT',
        meddelande: `ansvaret ${ansvar.kod} finns inte i organisationen under filens perioder`,
      });
  }
  const utanAnsvar = new Map<string, number>();
  for (const rad of result.utfall)
    if (rad.ansvar === null && arResultatkonto(rad.konto)) utanAnsvar.set(rad.konto, (utanAnsvar.get(rad.konto) ?? 0) + 1);
  for (const [konto, antal] of utanAnsvar) {
    fel.push({
      rad: forstaRad.get(konto) ?? 0,
      post: '#TRANS',
      meddelande: `${antal} bokningar på konto ${konto} saknar ansvar (dimension 1)`,
    });
  }
  return fel;
}

/** The import's account of itself: what was read, its totals per account and month, and every problem. */
export function sammanstall(
  result: Sie4Result,
  underlag: {
    status: UtfallImportResultat['status'];
    importId: string | null;
    filnamn: string;
    format: 'SIE4' | 'CSV';
    fel: Radmeddelande[];
    mappning: readonly KontogruppIntervall[];
    kontonamn: ReadonlyMap<number, string>;
  },
): UtfallImportResultat {
  const fel = [...result.errors.map((e) => ({ rad: e.line, post: e.record, meddelande: e.message })), ...underlag.fel];
  const namn = new Map(result.konton.map((konto) => [konto.konto, konto.namn]));
  return {
    status: underlag.status,
    importId: underlag.importId,
    filnamn: underlag.filnamn,
    format: underlag.format,
    kodning: result.encoding ?? 'okänd',
    rakenskapsar: result.rakenskapsar,
    rader: result.lines,
    poster: {
      ver: result.records.ver,
      trans: result.records.trans,
      psaldo: result.records.psaldo,
      pbudget: result.records.pbudget,
      res: result.records.res,
    },
    perioder: result.perioder.map((period) => ({
      ar: period.ar,
      manad: period.manad,
      kalla: period.kalla,
      beloppOre: (period.kalla === 'PSALDO' ? period.psaldoOre : period.transOre) ?? 0,
    })),
    totalerPerKonto: result.totalerPerKonto.flatMap((total) => {
      const konto = kontonummer(total.konto);
      if (konto === undefined || konto < ARETS_FORSTA_RESULTATKONTO) return [];
      return [
        {
          konto,
          namn: namn.get(total.konto) ?? underlag.kontonamn.get(konto) ?? null,
          kontogrupp: kontogruppForKonto(konto, underlag.mappning) ?? null,
          beloppOre: total.beloppOre,
        },
      ];
    }),
    totalerPerManad: result.totalerPerManad.map((total) => ({ ar: total.ar, manad: total.manad, beloppOre: total.beloppOre })),
    antalAnsvar: result.ansvar.length,
    antalUtfallsrader: result.utfall.filter((rad) => arResultatkonto(rad.konto)).length,
    fel,
    varningar: result.warnings.map((w) => ({ rad: w.line, post: w.record, meddelande: w.message })),
  };
}
