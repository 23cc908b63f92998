import type { ResursfordelningDto, ResursfordelningsstegDto } from '@tertial/contracts/dto';
import { stapeletikett, type Vattenfallsstapel } from '@tertial/diagram';

// The waterfall's drawing (its bars, axis start and labels) is shared with the report's files in @tertial/diagram.
export { axelnsStart, stapeletikett, vattenfallsserier, type Stapeltyp, type Vattenfallsstapel } from '@tertial/diagram';

const KORTA_NAMN: Record<number, string> = {
  1: 'Föregående år',
  2: 'Temporära satsningar',
  3: 'Bas',
  4: 'Demografi',
  5: 'Kostnadsutveckling',
  6: 'Övriga justeringar',
  7: 'Förslag',
};

export function vattenfallsstaplar(steg: readonly ResursfordelningsstegDto[]): Vattenfallsstapel[] {
  return [...steg]
    .sort((a, b) => a.steg - b.steg)
    .map((rad) => {
      const total = rad.typ === 'total';
      return {
        steg: rad.steg,
        namn: rad.namn,
        kortNamn: KORTA_NAMN[rad.steg] ?? rad.namn,
        typ: total ? 'total' : rad.beloppOre < 0 ? 'minskning' : 'okning',
        beloppOre: rad.beloppOre,
        franOre: total ? 0 : rad.summaOre - rad.beloppOre,
        tillOre: rad.summaOre,
      };
    });
}

/** Spoken, so units are written out: a screen reader says "mnkr" letter by letter. */
function miljonerKronor(text: string): string {
  return `${text} miljoner kronor`;
}

/** What the chart shows, for its accessible name: every step with its amount. The table below has the underlag. */
export function beskrivVattenfall(resursfordelning: ResursfordelningDto, namndnamn: string): string {
  const staplar = vattenfallsstaplar(resursfordelning.steg);
  const steg = staplar.map((stapel) => `${stapel.steg} ${stapel.namn} ${miljonerKronor(stapeletikett(stapel))}`);
  return (
    `Vattenfallsdiagram över ekonomisk tilldelning ${resursfordelning.ar} för ${namndnamn} i sju steg: ${steg.join('; ')}.` +
    ' Samma siffror finns i tabellen under diagrammet.'
  );
}
