import {
  FINANSRADER,
  skatteunderlagetsTioarssnitt,
  type Balanskravsutredning,
  type BalanskravTillfalle,
  type Resultatrakning,
  type ResultatTillfalle,
  type RurRegler,
} from '@tertial/contracts/dto';
import type { Ore } from '@tertial/contracts/money';

import { formatBeloppUtanEnhet } from '@tertial/diagram/belopp';

export const TILLFALLESNAMN: Record<ResultatTillfalle, string> = {
  budget: 'Budget',
  april: 'Prognos april',
  augusti: 'Prognos augusti',
  bokslut: 'Bokslut',
};

/** An amount in mnkr with one decimal, Swedish style, or a dash where there is none. */
export function mnkr(ore: Ore | null | undefined): string {
  return ore === null || ore === undefined ? '–' : formatBeloppUtanEnhet(ore, 'mnkr', 1);
}

/** A share in hundredths of a per cent, as people write it: `1 %`, `4,1 %`. */
export function procent(basispunkter: number, decimaler = 2): string {
  return `${(basispunkter / 100).toLocaleString('sv-SE', { maximumFractionDigits: decimaler })}\u00a0%`;
}

export interface Utredningsrad {
  kod: string;
  namn: string;
  summa: boolean;
  belopp: (Ore | null)[];
}

const SUMMARADER = new Set(['resultat-efter-justeringar', 'balanskravsresultat', 'att-aterstalla']);

/** The utredningar of april, augusti and the bokslut side by side, a row per line of the utredning. */
export function utredningSidaVidSida(utredningar: readonly (Balanskravsutredning | null)[]): Utredningsrad[] {
  const mall = utredningar.find((utredning) => utredning !== null);
  if (!mall) return [];
  return mall.rader.map((rad, index) => ({
    kod: rad.kod,
    namn: rad.namn,
    summa: SUMMARADER.has(rad.kod),
    belopp: utredningar.map((utredning) => utredning?.rader[index]?.beloppOre ?? null),
  }));
}

export const BALANSKRAVSKOLUMNER: readonly BalanskravTillfalle[] = ['april', 'augusti', 'bokslut'];

/** The city's RUR rules in a sentence each, as the guidelines say them. */
export function rurReglerText(regler: RurRegler, ar: number): string[] {
  const utveckling = regler.skatteunderlagUtveckling.find((rad) => rad.ar === ar);
  const snitt = skatteunderlagetsTioarssnitt(regler, ar);
  return [
    `Till reserven får högst den del av resultatet avsättas som överstiger ${procent(regler.andelPositivtEgetKapitalBasispunkter)} av skatteintäkter och generella statsbidrag (${procent(regler.andelNegativtEgetKapitalBasispunkter)} vid negativt eget kapital inklusive pensionsförpliktelser; staden har ${regler.egetKapitalNegativt ? 'negativt' : 'positivt'} eget kapital).`,
    `Reserven får användas för att täcka ett negativt balanskravsresultat ett år då skatteunderlaget växer mindre än sitt tioårssnitt. ${ar}: ${utveckling ? `skatteunderlaget växer ${procent(utveckling.basispunkter)}` : 'skatteunderlagets utveckling saknas'}, ${
      snitt.basispunkter === null
        ? `tioårssnittet saknas (utvecklingen saknas för ${snitt.saknadeAr.join(', ')})`
        : `tioårssnittet är ${procent(snitt.basispunkter, 3)} (${snitt.franAr === null ? 'publicerat' : `${snitt.franAr}–${ar}`})`
    }.`,
  ];
}

/** The finance lines' sources, one line per column and source with the rows that use it: "Prognos april: SKR:s … (skatteintäkter, pensionskostnader)". */
export function kallrader(kolumner: Resultatrakning['kolumner']): string[] {
  return kolumner.flatMap((kolumn) => {
    const perKalla = new Map<string, string[]>();
    for (const { rad, kalla } of kolumn.kallor) {
      const namn = FINANSRADER.find((kandidat) => kandidat.kod === rad)?.namn.toLowerCase() ?? rad;
      perKalla.set(kalla, [...(perKalla.get(kalla) ?? []), namn]);
    }
    return [...perKalla].map(([kalla, rader]) => `${TILLFALLESNAMN[kolumn.tillfalle]}: ${kalla} (${rader.join(', ')})`);
  });
}

export interface Elimineringsrad {
  kod: 'interna-intakter' | 'interna-kostnader' | 'elimineringsdifferens';
  namn: string;
  /** Per column, in mnkr's öre; null where the column has no figures. */
  belopp: (Ore | null)[];
}

/** What each column eliminated, as rows beside the resultaträkning's columns. */
export function elimineringsrader(kolumner: Resultatrakning['kolumner']): Elimineringsrad[] {
  const per = (varde: (e: Resultatrakning['kolumner'][number]['eliminering']) => Ore) =>
    kolumner.map((kolumn) => (kolumn.finns ? varde(kolumn.eliminering) : null));
  return [
    { kod: 'interna-intakter', namn: 'Interna intäkter borttagna', belopp: per((e) => e.intakterOre) },
    { kod: 'interna-kostnader', namn: 'Interna kostnader borttagna', belopp: per((e) => e.kostnaderOre) },
    { kod: 'elimineringsdifferens', namn: 'Elimineringsdifferens (påverkan på resultatet)', belopp: per((e) => e.differensOre) },
  ];
}

/** How each column's elimination was made, one line per column with figures: "Budget: uppskattad med … i bokslutet 2025". */
export function elimineringsunderlag(kolumner: Resultatrakning['kolumner']): string[] {
  return kolumner
    .filter((kolumn) => kolumn.finns)
    .map(({ tillfalle, eliminering: e }) => {
      const namn = TILLFALLESNAMN[tillfalle];
      if (e.metod === 'konton') return `${namn}: kontoplanens interna konton i det fastställda bokslutet, exakt.`;
      if (e.metod === 'inget')
        return `${namn}: inget eliminerat – ingen nämnd har utfall eller bokslut att uppskatta den interna delen från.`;
      const kallor = [
        ...new Set(
          e.namnder.flatMap((rad) =>
            rad.underlagAr === null
              ? []
              : [rad.underlag === 'utfall' ? `utfallet ${rad.underlagAr} hittills` : `bokslutet ${rad.underlagAr}`],
          ),
        ),
      ].sort();
      const utan = e.namnder.filter((rad) => rad.underlagAr === null).map((rad) => rad.namnd);
      return (
        `${namn}: uppskattad per nämnd med andelen interna konton i ${kallor.join(' och ')}.` +
        (utan.length > 0 ? ` Inget eliminerat för ${utan.join(', ')} (inget utfall eller bokslut).` : '')
      );
    });
}
