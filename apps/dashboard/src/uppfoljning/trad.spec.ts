import type { Uppfoljning, UppfoljningNod } from '@tertial/contracts/dto';
import type { OrganisationNiva } from '@tertial/contracts/organisation';
import { describe, expect, it } from 'vitest';

import { rotnoder, startkoder, synligaRader, tackningText, vaxla, type Barnlage } from './trad.js';

function nod(kod: string, niva: OrganisationNiva, foralderKod: string | null = null): UppfoljningNod {
  return {
    kod,
    namn: `Nod ${kod}`,
    niva,
    foralderKod,
    chef: null,
    antalAnsvar: 1,
    antalIOmgangen: 1,
    budgetOre: 0,
    periodbudgetOre: 0,
    utfallOre: 0,
    utfallAvvikelseOre: 0,
    prognosOre: 0,
    prognosAntalAnsvar: 0,
    avvikelseOre: 0,
    avvikelseAntalAnsvar: 0,
    forandringOre: 0,
    forandringAntalAnsvar: 0,
    framsteg: { ejPaborjad: 1, utkast: 0, klarmarkerade: 0, godkanda: 0, aterskickade: 0 },
  };
}

function svar(n: UppfoljningNod, sokvag: string[]): Uppfoljning {
  return {
    ar: 2026,
    tillfalle: 'augusti',
    omgang: null,
    organisationDatum: '2026-08-31',
    utfallTomManad: 8,
    sokvag: sokvag.map((kod) => ({ kod, namn: kod, niva: 'namnd' as const })),
    nod: n,
    barn: [],
    senastUppdaterad: null,
  };
}

const stad = nod('1283', 'stad');
const sn = nod('SN', 'namnd', '1283');
const snf = nod('SN-F', 'forvaltning', 'SN');
const avd = nod('SN-A1', 'avdelning', 'SN-F');
const ansvar1 = nod('41101', 'enhet', 'SN-A1');
const ansvar2 = nod('41102', 'enhet', 'SN-A1');
const kn = nod('KN', 'namnd', '1283');

const barn: Record<string, readonly UppfoljningNod[]> = {
  '1283': [kn, sn],
  SN: [snf],
  'SN-F': [avd],
  'SN-A1': [ansvar1, ansvar2],
};
const allaHamtade = (kod: string): Barnlage | undefined => (barn[kod] ? { typ: 'klar', barn: barn[kod] } : undefined);
const koder = (rader: ReturnType<typeof synligaRader>) =>
  rader.map((rad) =>
    rad.typ === 'nod' ? `${'  '.repeat(rad.djup)}${rad.nod.kod}${rad.expanderad ? ' -' : ''}` : `${'  '.repeat(rad.djup)}(${rad.typ})`,
  );

describe('where a person’s roll-up starts', () => {
  it('the ekonomidirektör, who answers for no part, starts at the city', () => {
    expect(startkoder([])).toEqual(['stad']);
  });

  it('a förvaltningsekonom starts at their förvaltning, a chef at each of their ansvar, once each', () => {
    expect(startkoder(['SN-F'])).toEqual(['SN-F']);
    expect(startkoder(['41101', '41102', '41101'])).toEqual(['41101', '41102']);
  });

  it('a start node below another start node is shown under it, not as a root of its own', () => {
    const roots = rotnoder([
      svar(ansvar1, ['1283', 'SN', 'SN-F', 'SN-A1']),
      svar(avd, ['1283', 'SN', 'SN-F']),
      svar(ansvar2, ['1283', 'SN']),
    ]);
    expect(roots.map((s) => s.nod.kod)).toEqual(['SN-A1', '41102']);
  });
});

describe('the rows of the tree table', () => {
  it('shows only the roots until one is expanded', () => {
    expect(koder(synligaRader([stad], allaHamtade, new Set()))).toEqual(['1283']);
  });

  it('shows an expanded node’s children below it, one level deeper, down to the ansvar', () => {
    const rader = synligaRader([stad], allaHamtade, new Set(['1283', 'SN', 'SN-F', 'SN-A1']));
    expect(koder(rader)).toEqual(['1283 -', '  KN', '  SN -', '    SN-F -', '      SN-A1 -', '        41101', '        41102']);
  });

  it('says the children are on their way while they are fetched, or that they could not be', () => {
    const lage = (kod: string): Barnlage | undefined =>
      kod === 'SN' ? { typ: 'laddar' } : kod === 'KN' ? { typ: 'fel', fel: new Error('502') } : allaHamtade(kod);
    expect(koder(synligaRader([stad], lage, new Set(['1283', 'SN', 'KN'])))).toEqual([
      '1283 -',
      '  KN -',
      '    (fel)',
      '  SN -',
      '    (laddar)',
    ]);
  });

  it('keeps what was expanded below a collapsed node, and hides it with the node', () => {
    const oppna = new Set(['1283', 'SN', 'SN-F']);
    const stangd = vaxla(oppna, 'SN');
    expect(koder(synligaRader([stad], allaHamtade, stangd))).toEqual(['1283 -', '  KN', '  SN']);
    expect(koder(synligaRader([stad], allaHamtade, vaxla(stangd, 'SN')))).toEqual([
      '1283 -',
      '  KN',
      '  SN -',
      '    SN-F -',
      '      SN-A1',
    ]);
  });

  it('never expands an ansvar, which has nothing under it', () => {
    const rader = synligaRader([ansvar1], allaHamtade, new Set(['41101']));
    expect(koder(rader)).toEqual(['41101']);
  });

  it('does not loop on a tree that names a node under itself', () => {
    const slinga = (kod: string): Barnlage | undefined => (kod === 'SN' ? { typ: 'klar', barn: [sn] } : undefined);
    expect(koder(synligaRader([sn], slinga, new Set(['SN'])))).toEqual(['SN -', '  SN -']);
  });

  it('says how many ansvar a figure covers', () => {
    expect(tackningText(290, 1396)).toBe('290 av 1\u00a0396 ansvar');
  });
});
