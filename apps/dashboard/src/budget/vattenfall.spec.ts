import type { ResursfordelningDto, ResursfordelningsstegDto } from '@tertial/contracts/dto';
import { describe, expect, it } from 'vitest';

import { axelnsStart, beskrivVattenfall, stapeletikett, vattenfallsserier, vattenfallsstaplar } from './vattenfall.js';

const MNKR = 100_000_000;

function steg(nummer: number, typ: 'total' | 'forandring', beloppMnkr: number, summaMnkr: number): ResursfordelningsstegDto {
  return { steg: nummer, namn: `Steg ${nummer}`, typ, beloppOre: beloppMnkr * MNKR, summaOre: summaMnkr * MNKR, underlag: [] };
}

/** A frame of 3 000 mnkr: −50 temporary, +80 demography, +60 uplift, −30 other = 3 060. */
const STEG = [
  steg(1, 'total', 3000, 3000),
  steg(2, 'forandring', -50, 2950),
  steg(3, 'total', 2950, 2950),
  steg(4, 'forandring', 80, 3030),
  steg(5, 'forandring', 60, 3090),
  steg(6, 'forandring', -30, 3060),
  steg(7, 'total', 3060, 3060),
];

describe('the bars of the waterfall', () => {
  const staplar = vattenfallsstaplar(STEG);

  it('stand totals on zero and float each change on the running total', () => {
    expect(staplar.map((s) => [s.steg, s.typ, s.franOre / MNKR, s.tillOre / MNKR])).toEqual([
      [1, 'total', 0, 3000],
      [2, 'minskning', 3000, 2950],
      [3, 'total', 0, 2950],
      [4, 'okning', 2950, 3030],
      [5, 'okning', 3030, 3090],
      [6, 'minskning', 3090, 3060],
      [7, 'total', 0, 3060],
    ]);
  });

  it('come in the order of the steps whatever order they arrive in', () => {
    expect(vattenfallsstaplar([...STEG].reverse()).map((s) => s.steg)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('have short names for the axis', () => {
    expect(staplar.map((s) => s.kortNamn)).toEqual([
      'Föregående år',
      'Temporära satsningar',
      'Bas',
      'Demografi',
      'Kostnadsutveckling',
      'Övriga justeringar',
      'Förslag',
    ]);
  });

  it('call a change of zero an increase, drawn with no height', () => {
    const [stapel] = vattenfallsstaplar([steg(2, 'forandring', 0, 3000)]);
    expect(stapel?.typ).toBe('okning');
    expect(vattenfallsserier(vattenfallsstaplar([steg(2, 'forandring', 0, 3000)])).stapel).toEqual([0]);
  });
});

describe('the stacked series', () => {
  it('put an invisible base under each bar up to where it starts, in mnkr', () => {
    const serier = vattenfallsserier(vattenfallsstaplar(STEG));
    expect(serier.bas).toEqual([0, 2950, 0, 2950, 3030, 3060, 0]);
    expect(serier.stapel).toEqual([3000, 50, 2950, 80, 60, 30, 3060]);
  });

  it('float a decrease below zero from the running total downwards', () => {
    const serier = vattenfallsserier(
      vattenfallsstaplar([steg(1, 'total', 10, 10), steg(2, 'forandring', -30, -20), steg(3, 'total', -20, -20)]),
    );
    expect(serier.bas).toEqual([0, -20, -20]);
    expect(serier.stapel).toEqual([10, 30, 20]);
  });
});

describe('where the value axis starts', () => {
  it('is below the lowest level, at a round figure, when the changes would be slivers against zero', () => {
    expect(axelnsStart(vattenfallsstaplar(STEG))).toBe(2800 * MNKR);
  });

  it('is zero when the changes are large against the totals', () => {
    expect(
      axelnsStart(vattenfallsstaplar([steg(1, 'total', 100, 100), steg(2, 'forandring', 80, 180), steg(3, 'total', 180, 180)])),
    ).toBeNull();
  });

  it('is zero when anything is negative', () => {
    expect(
      axelnsStart(vattenfallsstaplar([steg(1, 'total', 10, 10), steg(2, 'forandring', -30, -20), steg(3, 'total', -20, -20)])),
    ).toBeNull();
  });

  it('is zero with totals only', () => {
    expect(axelnsStart(vattenfallsstaplar([steg(1, 'total', 3000, 3000), steg(3, 'total', 3000, 3000)]))).toBeNull();
  });
});

describe('the figures on the bars', () => {
  const staplar = vattenfallsstaplar(STEG);
  const lasbart = (text: string) => text.replaceAll('\u00a0', ' ').replaceAll('\u2212', '-');

  it('write a total as it is and a change with its sign', () => {
    expect(staplar.map((s) => lasbart(stapeletikett(s)))).toEqual(['3 000,0', '-50,0', '2 950,0', '+80,0', '+60,0', '-30,0', '3 060,0']);
  });

  it('drop the decimal of totals where bars are narrow, never of changes', () => {
    expect(staplar.map((s) => lasbart(stapeletikett(s, { kort: true })))).toEqual([
      '3 000',
      '-50,0',
      '2 950',
      '+80,0',
      '+60,0',
      '-30,0',
      '3 060',
    ]);
  });
});

describe("the chart's accessible description", () => {
  it('reads every step with its amount, units in words', () => {
    const dto: ResursfordelningDto = { namnd: 'VON', ar: 2027, steg: STEG, forslagOre: 3060 * MNKR };
    const text = beskrivVattenfall(dto, 'Vård- och omsorgsnämnden').replaceAll('\u00a0', ' ').replaceAll('\u2212', '-');
    expect(text).toContain('Vattenfallsdiagram över ekonomisk tilldelning 2027 för Vård- och omsorgsnämnden i sju steg:');
    expect(text).toContain('1 Steg 1 3 000,0 miljoner kronor; 2 Steg 2 -50,0 miljoner kronor;');
    expect(text).toContain('7 Steg 7 3 060,0 miljoner kronor.');
  });
});
