import type { OrganisationNode } from '@tertial/contracts/organisation';
import { describe, expect, it } from 'vitest';

import { ansvarsbudgetar, namndramar } from './budgethandelser.js';
import type { Budgetversion } from './budgetversioner.js';

const nod = (kod: string, niva: OrganisationNode['niva'], foralderKod: string | null): OrganisationNode => ({
  kod,
  namn: kod,
  niva,
  foralderKod,
  chef: null,
  giltigFran: '2020-01-01',
});
const ORGANISATION = [
  nod('STAD', 'stad', null),
  nod('SN', 'namnd', 'STAD'),
  nod('SN-F', 'forvaltning', 'SN'),
  nod('41210', 'enhet', 'SN-F'),
  nod('41310', 'enhet', 'SN-F'),
  nod('41410', 'enhet', 'SN-F'),
  nod('KN', 'namnd', 'STAD'),
  nod('KN-F', 'forvaltning', 'KN'),
  nod('51110', 'enhet', 'KN-F'),
];
const KF: Budgetversion = {
  id: 'kf-2027',
  ar: 2027,
  typ: 'kf-beslut',
  namn: 'Budget 2027',
  beslutad: '2026-06-17',
  ramar: [
    { namnd: 'SN', beloppOre: 1_000_00 },
    { namnd: 'KN', beloppOre: 500_00 },
  ],
};
const TILLAGG: Budgetversion = {
  id: 'tb-1',
  ar: 2027,
  typ: 'tillaggsbudget',
  namn: 'Tillägg',
  beslutad: '2027-03-01',
  andringar: [{ namnd: 'KN', beloppOre: 25_50 }],
};

describe('namndramar', () => {
  it('gives each nämnd a decision names its whole current frame, with the decision that set it', () => {
    expect(namndramar([KF, TILLAGG], 2027, [TILLAGG])).toEqual([{ ar: 2027, namnd: 'KN', ramOre: 525_50, versionId: 'tb-1' }]);
    expect(namndramar([KF, TILLAGG], 2027, [KF, TILLAGG])).toEqual([
      { ar: 2027, namnd: 'SN', ramOre: 1_000_00, versionId: 'kf-2027' },
      { ar: 2027, namnd: 'KN', ramOre: 525_50, versionId: 'tb-1' },
    ]);
  });
});

describe('ansvarsbudgetar', () => {
  it('sums each ansvar per kontogrupp and gives every other ansvar of the nämnd an empty budget', () => {
    const version: Extract<Budgetversion, { typ: 'internbudget' }> = {
      id: 'ib-sn',
      ar: 2027,
      typ: 'internbudget',
      namn: 'Internbudget SN',
      beslutad: '2026-11-25',
      namnd: 'SN',
      rader: [
        { ansvar: '41310', kontogrupp: 'personalkostnader', beloppOre: 300_00 },
        { ansvar: '41310', kontogrupp: 'personalkostnader', beloppOre: 1 },
        { ansvar: '41310', kontogrupp: 'intakter', beloppOre: 20_00 },
        { ansvar: '41210', kontogrupp: 'lokalkostnader', beloppOre: 700_00 },
      ],
    };
    expect(ansvarsbudgetar(version, ORGANISATION)).toEqual([
      { ar: 2027, namnd: 'SN', ansvar: '41210', versionId: 'ib-sn', rader: [{ kontogrupp: 'lokalkostnader', beloppOre: 700_00 }] },
      {
        ar: 2027,
        namnd: 'SN',
        ansvar: '41310',
        versionId: 'ib-sn',
        rader: [
          { kontogrupp: 'intakter', beloppOre: 20_00 },
          { kontogrupp: 'personalkostnader', beloppOre: 300_01 },
        ],
      },
      { ar: 2027, namnd: 'SN', ansvar: '41410', versionId: 'ib-sn', rader: [] },
    ]);
  });
});
