import { describe, expect, it } from 'vitest';

import { basKonto, basradForKonto, kontrolleraBolagsfil, resultatEfterFinansiellaPoster, summeraBolagsutfall } from './bas-mappning.js';

describe('a company’s BAS accounts by class', () => {
  it.each<[number, string | undefined, string]>([
    [3011, 'intakter', 'nettoomsättning'],
    [3990, 'intakter', 'övriga rörelseintäkter'],
    [4010, 'kostnader', 'inköp av varor'],
    [5010, 'kostnader', 'lokalhyra'],
    [7010, 'kostnader', 'löner'],
    [7832, 'kostnader', 'avskrivningar på byggnader'],
    [8310, 'finansnetto', 'ränteintäkter'],
    [8410, 'finansnetto', 'räntekostnader'],
    [1110, 'investeringar', 'byggnader'],
    [1220, 'investeringar', 'inventarier'],
    [1280, 'investeringar', 'pågående nyanläggningar'],
    [1119, undefined, 'ackumulerade avskrivningar på byggnader'],
    [1228, undefined, 'ackumulerade nedskrivningar'],
    [1510, undefined, 'kundfordringar'],
    [1930, undefined, 'bankkonto'],
    [2440, undefined, 'leverantörsskulder'],
    [8820, undefined, 'mottagna koncernbidrag (bokslutsdisposition)'],
    [8910, undefined, 'skatt'],
    [8999, undefined, 'årets resultat'],
    [999, undefined, 'not an account'],
  ])('%i is %s (%s)', (konto, rad) => {
    expect(basradForKonto(konto)).toBe(rad);
  });

  it('reads only four-digit account numbers', () => {
    expect(basKonto('3011')).toBe(3011);
    expect(basKonto('30111')).toBeUndefined();
    expect(basKonto('K3011')).toBeUndefined();
  });

  it('sums the ledger per month with the shown signs: revenue and cost positive, finansnetto positive for a net income', () => {
    const manader = summeraBolagsutfall([
      { manad: 1, konto: 3011, beloppOre: -100_000_00 },
      { manad: 1, konto: 5010, beloppOre: 30_000_00 },
      { manad: 1, konto: 7010, beloppOre: 40_000_00 },
      { manad: 1, konto: 8310, beloppOre: -1_000_00 },
      { manad: 1, konto: 8410, beloppOre: 6_000_00 },
      { manad: 1, konto: 1110, beloppOre: 25_000_00 },
      { manad: 1, konto: 1930, beloppOre: -25_000_00 },
      { manad: 1, konto: 8820, beloppOre: -9_000_00 },
      { manad: 2, konto: 3011, beloppOre: -50_000_00 },
      { manad: 2, konto: 3011, beloppOre: 2_000_00 },
    ]);
    expect(manader).toEqual([
      { manad: 1, intakterOre: 100_000_00, kostnaderOre: 70_000_00, finansnettoOre: -5_000_00, investeringarOre: 25_000_00 },
      { manad: 2, intakterOre: 48_000_00, kostnaderOre: 0, finansnettoOre: 0, investeringarOre: 0 },
    ]);
    // 100 000 − 70 000 − 5 000 + 48 000: the koncernbidrag on 8820 lies below the line.
    expect(resultatEfterFinansiellaPoster(manader)).toBe(73_000_00);
  });
});

describe('a company’s SIE file', () => {
  it('is refused for a räkenskapsår other than the calendar year and for an account that is not four digits', () => {
    expect(
      kontrolleraBolagsfil({
        rakenskapsar: { start: '2026-05-01', slut: '2027-04-30' },
        konton: [
          { konto: '3011', firstLine: 12 },
          { konto: '30110', firstLine: 14 },
        ],
      }),
    ).toEqual([
      { rad: 0, post: '#RAR', meddelande: 'bolagets räkenskapsår 2026-05-01–2027-04-30 är inte ett kalenderår' },
      { rad: 14, post: '#TRANS', meddelande: 'kontot 30110 är inte ett fyrsiffrigt BAS-konto' },
    ]);
    expect(
      kontrolleraBolagsfil({ rakenskapsar: { start: '2026-01-01', slut: '2026-12-31' }, konton: [{ konto: '3011', firstLine: 9 }] }),
    ).toEqual([]);
  });
});
