import type { KontogruppKod } from '@tertial/contracts/kontogrupper';
import type { OrganisationNode } from '@tertial/contracts/organisation';
import { demoStad } from '@tertial/demo-city';
import { describe, expect, it } from 'vitest';

import { fordelaInternbudget, type Internbudget, type Internbudgetrad, type InternbudgetUnderlag } from './internbudget.js';

const kr = (kronor: number): number => Math.round(kronor * 100);
const rad = (ansvar: string, kontogrupp: KontogruppKod, kronor: number): Internbudgetrad => ({ ansvar, kontogrupp, beloppOre: kr(kronor) });

const node = (kod: string, namn: string, niva: OrganisationNode['niva'], foralderKod: string | null): OrganisationNode => ({
  kod,
  namn,
  niva,
  foralderKod,
  chef: niva === 'enhet' ? { anvandarId: `chef.${kod}`, namn: `Chef ${kod}` } : null,
  giltigFran: '2027-01-01',
});

/** A slice of the city: socialnämnden with two avdelningar and four ansvar, and a neighbouring nämnd. */
const ORGANISATION: OrganisationNode[] = [
  node('1283', 'Helsingborgs stad', 'stad', null),
  node('SN', 'Socialnämnden', 'namnd', '1283'),
  node('SN-F', 'Socialförvaltningen', 'forvaltning', 'SN'),
  node('SN-A1', 'Barn och familj', 'avdelning', 'SN-F'),
  node('41210', 'Familjehem', 'enhet', 'SN-A1'),
  node('41230', 'Barn och unga öppenvård', 'enhet', 'SN-A1'),
  node('SN-A2', 'Vuxen', 'avdelning', 'SN-F'),
  node('41310', 'Ekonomiskt bistånd', 'enhet', 'SN-A2'),
  node('41320', 'Beroendevård', 'enhet', 'SN-A2'),
  node('VON', 'Vård- och omsorgsnämnden', 'namnd', '1283'),
  node('VON-F', 'Vård- och omsorgsförvaltningen', 'forvaltning', 'VON'),
  node('VON-A1', 'Hemtjänst', 'avdelning', 'VON-F'),
  node('52110', 'Hemtjänst norr', 'enhet', 'VON-A1'),
];

/** Socialnämnden's internbudget 2027 on its four ansvar. */
const RADER: Internbudgetrad[] = [
  rad('41210', 'personalkostnader', 48_000_000),
  rad('41210', 'kop-av-verksamhet', 210_000_000),
  rad('41210', 'intakter', 12_500_000),
  rad('41230', 'personalkostnader', 86_000_000),
  rad('41230', 'lokalkostnader', 9_400_000),
  rad('41230', 'ovriga-kostnader', 3_100_000),
  rad('41310', 'ovriga-kostnader', 560_000_000),
  rad('41310', 'personalkostnader', 72_000_000),
  rad('41310', 'intakter', 18_000_000),
  rad('41320', 'kop-av-verksamhet', 268_000_000),
  rad('41320', 'personalkostnader', 54_000_000),
  rad('41320', 'lokalkostnader', 7_800_000),
  rad('41320', 'kapitalkostnader', 1_250_000.5),
  rad('41320', 'intakter', 6_200_000),
];

const SOCIALNAMNDEN: InternbudgetUnderlag = { namnd: 'SN', ramOre: kr(1_300_000_000), organisation: ORGANISATION, rader: RADER };

function fordela(underlag: InternbudgetUnderlag): Internbudget {
  const resultat = fordelaInternbudget(underlag);
  if (!resultat.ok) throw new Error(JSON.stringify(resultat.fel));
  return resultat.varde;
}

describe('internbudget: a nämnd splits its frame down its tree', () => {
  it("socialnämnden's frame reaches every förvaltning, avdelning and ansvar as net cost", () => {
    const { noder } = fordela(SOCIALNAMNDEN);
    expect(noder.map((n) => [n.kod, n.niva, n.nettokostnadOre])).toEqual([
      ['SN', 'namnd', kr(1_282_850_000.5)],
      ['SN-F', 'forvaltning', kr(1_282_850_000.5)],
      ['SN-A1', 'avdelning', kr(344_000_000)],
      ['SN-A2', 'avdelning', kr(938_850_000.5)],
      ['41210', 'enhet', kr(245_500_000)],
      ['41230', 'enhet', kr(98_500_000)],
      ['41310', 'enhet', kr(614_000_000)],
      ['41320', 'enhet', kr(324_850_000.5)],
    ]);
  });

  it('the nämnd shows revenue, cost and each kontogrupp summed over its ansvar', () => {
    const namnd = fordela(SOCIALNAMNDEN).noder[0];
    expect(namnd).toMatchObject({ intakterOre: kr(36_700_000), kostnaderOre: kr(1_319_550_000.5) });
    expect(namnd?.kontogrupper).toEqual([
      { kontogrupp: 'intakter', beloppOre: kr(36_700_000) },
      { kontogrupp: 'personalkostnader', beloppOre: kr(260_000_000) },
      { kontogrupp: 'lokalkostnader', beloppOre: kr(17_200_000) },
      { kontogrupp: 'kop-av-verksamhet', beloppOre: kr(478_000_000) },
      { kontogrupp: 'ovriga-kostnader', beloppOre: kr(563_100_000) },
      { kontogrupp: 'kapitalkostnader', beloppOre: kr(1_250_000.5) },
    ]);
  });

  it.each([
    ['what the rows leave of the frame stays at the nämnd as ofördelat', kr(1_300_000_000), kr(17_149_999.5)],
    ['a frame distributed to the öre leaves nothing ofördelat', kr(1_282_850_000.5), 0],
  ])('%s', (_, ramOre, ofordelatOre) => {
    const internbudget = fordela({ ...SOCIALNAMNDEN, ramOre });
    expect(internbudget).toMatchObject({ namnd: 'SN', ramOre, fordelatOre: kr(1_282_850_000.5), ofordelatOre });
    expect(internbudget.fordelatOre + internbudget.ofordelatOre).toBe(ramOre);
  });

  it('a nämnd without rows yet has its whole frame ofördelat and every node at zero', () => {
    const internbudget = fordela({ ...SOCIALNAMNDEN, rader: [] });
    expect(internbudget.ofordelatOre).toBe(kr(1_300_000_000));
    expect(internbudget.noder.every((n) => n.nettokostnadOre === 0 && n.kontogrupper.length === 0)).toBe(true);
  });

  it("an ansvar whose revenue exceeds its cost lowers its avdelning's net", () => {
    const { noder } = fordela({
      ...SOCIALNAMNDEN,
      rader: [rad('41210', 'intakter', 5_000_000), rad('41230', 'personalkostnader', 8_000_000)],
    });
    expect(noder.find((n) => n.kod === '41210')?.nettokostnadOre).toBe(kr(-5_000_000));
    expect(noder.find((n) => n.kod === 'SN-A1')?.nettokostnadOre).toBe(kr(3_000_000));
  });

  it('every node is the exact sum of its children, to the öre', () => {
    const udda = RADER.map((r, index) => ({ ...r, beloppOre: r.beloppOre + index + 1 }));
    const { noder } = fordela({ ...SOCIALNAMNDEN, rader: udda });
    for (const node of noder.filter((n) => n.niva !== 'enhet')) {
      const barn = noder.filter((n) => n.foralderKod === node.kod);
      expect(barn.reduce((sum, n) => sum + n.nettokostnadOre, 0)).toBe(node.nettokostnadOre);
    }
  });

  it('an internbudget that exceeds its frame gets a clear error that says where, and no result to store', () => {
    const resultat = fordelaInternbudget({ ...SOCIALNAMNDEN, ramOre: kr(1_282_850_000) });
    expect(resultat).toEqual({
      ok: false,
      fel: [
        {
          field: 'rader',
          message:
            'internbudgeten överskrider ramen med 0,50 kr: Socialnämnden har fördelat netto 1 282 850 000,50 kr av ramen 1 282 850 000 kr',
        },
      ],
    });
  });

  it.each<[string, Partial<InternbudgetUnderlag>, string, string]>([
    [
      "a row for another nämnd's ansvar",
      { rader: [rad('52110', 'personalkostnader', 1)] },
      'rader[0].ansvar',
      'ansvaret 52110 (Hemtjänst norr) hör till Vård- och omsorgsnämnden, inte Socialnämnden',
    ],
    [
      'a row for an ansvar that does not exist',
      { rader: [rad('99999', 'personalkostnader', 1)] },
      'rader[0].ansvar',
      'ansvaret 99999 finns inte i organisationen',
    ],
    [
      'a row on an avdelning',
      { rader: [rad('SN-A1', 'personalkostnader', 1)] },
      'rader[0].ansvar',
      'SN-A1 (Barn och familj) är en avdelning, inte ett ansvar; budget läggs på enheter',
    ],
    [
      'a row on the förvaltning',
      { rader: [rad('SN-F', 'personalkostnader', 1)] },
      'rader[0].ansvar',
      'SN-F (Socialförvaltningen) är en förvaltning, inte ett ansvar; budget läggs på enheter',
    ],
    [
      'a duplicated ansvar and kontogrupp',
      { rader: [rad('41230', 'personalkostnader', 1), rad('41230', 'lokalkostnader', 1), rad('41230', 'personalkostnader', 2)] },
      'rader[2]',
      'ansvar 41230 har redan en rad för personalkostnader (rader[0])',
    ],
    [
      'a negative amount',
      { rader: [rad('41230', 'intakter', -250_000)] },
      'rader[0].beloppOre',
      'beloppet för ansvar 41230, intäkter, får inte vara negativt (-250 000 kr); intäkter och kostnader anges båda positiva',
    ],
    [
      'an amount in fractions of an öre',
      { rader: [{ ansvar: '41230', kontogrupp: 'lokalkostnader', beloppOre: 0.5 }] },
      'rader[0].beloppOre',
      'beloppet för ansvar 41230, lokalkostnader, ska vara i hela öre',
    ],
    [
      'an unknown kontogrupp',
      { rader: [{ ansvar: '41230', kontogrupp: 'reklam' as KontogruppKod, beloppOre: 1 }] },
      'rader[0].kontogrupp',
      'okänd kontogrupp "reklam" för ansvar 41230',
    ],
    ['a negative frame', { ramOre: -1 }, 'ramOre', 'ramen ska vara ett belopp i hela öre, noll eller mer'],
    ['a nämnd that is not one', { namnd: 'SN-F' }, 'namnd', 'SN-F är ingen nämnd i organisationen'],
  ])('refuses %s, saying where', (_, andring, field, message) => {
    const resultat = fordelaInternbudget({ ...SOCIALNAMNDEN, ...andring });
    expect(resultat.ok).toBe(false);
    expect(resultat.ok ? [] : resultat.fel).toContainEqual({ field, message });
  });

  it("the demo city's internbudget uses up every nämnd's frame exactly, with nothing ofördelat", () => {
    const stad = demoStad();
    const noder = new Map(stad.organisation.map((n) => [n.kod, n]));
    const namndAv = (kod: string | null): string | undefined => {
      const n = kod === null ? undefined : noder.get(kod);
      return n === undefined || n.niva === 'namnd' ? n?.kod : namndAv(n.foralderKod);
    };
    for (const { namnd, nettoOre } of stad.ramar) {
      const rader = stad.internbudget.filter((r) => namndAv(r.ansvar) === namnd);
      const resultat = fordelaInternbudget({ namnd, ramOre: nettoOre, organisation: stad.organisation, rader });
      expect(resultat.ok ? resultat.varde.ofordelatOre : resultat.fel).toBe(0);
    }
  });
});
