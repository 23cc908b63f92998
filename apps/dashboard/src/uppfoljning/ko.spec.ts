import type { HelarsprognosDto, UppfoljningNod } from '@tertial/contracts/dto';
import type { Prognosstatus } from '@tertial/contracts/prognos';
import { describe, expect, it } from 'vitest';

import { ansvarsnoder, granskningsko, tolkaAtersandning } from './ko.js';

function prognos(ansvar: string, nettokostnadOre: number, status: Prognosstatus = 'klarmarkerad'): HelarsprognosDto {
  return {
    id: '00000000-0000-4000-8000-000000000000',
    ansvar,
    ar: 2026,
    tillfalle: 'augusti',
    version: 2,
    andring: 3,
    status,
    rader: [],
    intakterOre: 0,
    kostnaderOre: nettokostnadOre,
    nettokostnadOre,
    kommentar: null,
    sparadAv: null,
    sparadAt: '2026-09-01T08:00:00.000Z',
    andradAv: null,
    andradAt: '2026-09-01T08:00:00.000Z',
    beslutskommentar: null,
    personal: null,
    investeringar: [],
  };
}

function ansvar(kod: string, budgetOre: number): UppfoljningNod {
  return {
    kod,
    namn: `Ansvar ${kod}`,
    niva: 'enhet',
    foralderKod: 'SN-A1',
    chef: null,
    antalAnsvar: 1,
    antalIOmgangen: 1,
    budgetOre,
    periodbudgetOre: 0,
    utfallOre: 0,
    utfallAvvikelseOre: 0,
    prognosOre: 0,
    prognosAntalAnsvar: 0,
    avvikelseOre: 0,
    avvikelseAntalAnsvar: 0,
    forandringOre: 0,
    forandringAntalAnsvar: 0,
    framsteg: { ejPaborjad: 0, utkast: 0, klarmarkerade: 1, godkanda: 0, aterskickade: 0 },
  };
}

const noder = [ansvar('101', 1_000_00), ansvar('102', 1_000_00), ansvar('103', 1_000_00), ansvar('104', 1_000_00), ansvar('105', 500_00)];

describe('the förvaltningsekonom’s queue', () => {
  it('holds only the klarmarkerade forecasts, the largest deviation either way first', () => {
    const ko = granskningsko(
      [
        prognos('101', 1_100_00), // −100 kr, a deficit
        prognos('102', 700_00), // +300 kr, a surplus
        prognos('103', 1_000_00, 'godkand'),
        prognos('104', 1_200_00, 'utkast'),
        prognos('105', 250_00), // +250 kr
      ],
      noder,
    );
    expect(ko.map((post) => [post.prognos.ansvar, post.avvikelseOre])).toEqual([
      ['102', 300_00],
      ['105', 250_00],
      ['101', -100_00],
    ]);
  });

  it('puts equal deviations in ansvar order, and a forecast whose budget the roll-up has not heard of last', () => {
    const ko = granskningsko([prognos('999', 5_000_000_00), prognos('103', 900_00), prognos('101', 1_100_00)], noder);
    expect(ko.map((post) => post.prognos.ansvar)).toEqual(['101', '103', '999']);
    expect(ko[2]).toMatchObject({ nod: undefined, avvikelseOre: null });
  });

  it('takes the avvikelse from the forecast being decided on, not the roll-up’s possibly older figure', () => {
    const [post] = granskningsko([prognos('101', 1_234_56)], [{ ...ansvar('101', 1_000_00), avvikelseOre: -1 }]);
    expect(post?.avvikelseOre).toBe(-234_56);
  });

  it('finds the ansvar among the nodes of a walked subtree', () => {
    expect(ansvarsnoder([{ ...ansvar('SN-A1', 0), niva: 'avdelning' }, ansvar('101', 0)]).map((nod) => nod.kod)).toEqual(['101']);
  });
});

describe('the comment that sends a forecast back', () => {
  it.each([
    { text: '', ok: false },
    { text: '   ', ok: false },
    { text: ' Semesterlönerna saknas. ', ok: true, kommentar: 'Semesterlönerna saknas.' },
    { text: 'x'.repeat(2001), ok: false },
  ])('"$text" is ok: $ok', ({ text, ok, kommentar }) => {
    const tolkad = tolkaAtersandning(text);
    expect(tolkad.ok).toBe(ok);
    if (tolkad.ok) expect(tolkad.kommentar).toBe(kommentar);
  });
});
