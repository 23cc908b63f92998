import { describe, expect, it } from 'vitest';

// Until packages/contracts/src/index.ts exports './dto/budget.js', the schemas are read from their file;
// then this import becomes '@tertial/contracts'.
import {
  budgetversionSchema,
  gallandeBudgetSchema,
  INVESTERINGSMOTIV_KODER,
  internbudgetRequestSchema,
  internbudgetSchema,
  investeringsprojektRequestSchema,
  investeringsprojektSchema,
  investeringssammanstallningSchema,
  overforingsregelSchema,
  resultatoverforingRequestSchema,
  resultatoverforingSchema,
  resursfordelningRequestSchema,
  resursfordelningSchema,
  versionsjamforelseSchema,
} from '@tertial/contracts/dto';
import { INVESTERINGSMOTIV, summeraInvesteringsplan } from '../investeringar/investeringsplan.js';
import { gallandeBudget, jamforVersioner, type Budgetversion } from './budgetversioner.js';
import { fordelaInternbudget } from './internbudget.js';
import { foreslaResultatoverforing, HELSINGBORGS_OVERFORINGSREGEL } from './resultatoverforing.js';
import { beraknaResursfordelning } from './resursfordelning.js';
import type { Validerat } from './validering.js';

function varde<T>(resultat: Validerat<T>): T {
  if (!resultat.ok) throw new Error(JSON.stringify(resultat.fel));
  return resultat.varde;
}

const VERSIONER: Budgetversion[] = [
  {
    id: 'kf',
    ar: 2027,
    typ: 'kf-beslut',
    namn: 'Budget 2027',
    beslutad: '2026-06-17',
    ramar: [{ namnd: 'SN', beloppOre: 1_300_000_000_00 }],
  },
  {
    id: 'tb',
    ar: 2027,
    typ: 'tillaggsbudget',
    namn: 'Tilläggsbudget 1',
    beslutad: '2027-03-15',
    andringar: [{ namnd: 'SN', beloppOre: 5_000_000_00 }],
  },
  {
    id: 'ib',
    ar: 2027,
    typ: 'internbudget',
    namn: 'Internbudget',
    beslutad: '2026-11-25',
    namnd: 'SN',
    rader: [{ ansvar: '41230', kontogrupp: 'personalkostnader', beloppOre: 86_000_000_00 }],
  },
];

describe('the budget DTOs in contracts', () => {
  it("a resursfördelning request in kronor becomes the domain's input in öre, and its result is a valid response", () => {
    const request = resursfordelningRequestSchema.parse({
      namnd: 'SN',
      ar: 2027,
      foregaendeArsTilldelning: '1 312 450 000,00',
      tillfalligaSatsningar: [{ text: 'Tillfällig satsning mot hemlöshet', belopp: '8000000' }],
      befolkning: [{ aldersband: '0-17', invanareIAr: 33_120, invanarePrognos: 33_410 }],
      demografi: [{ verksamhetsomrade: 'Barn och familj', aldersband: '0-17', prisPerInvanare: '5200,50' }],
      upprakning: { namn: 'KPI', procentsats: '2,3' },
    });
    expect(request.foregaendeArsTilldelning).toBe(1_312_450_000_00);
    expect(request.demografi[0]?.prisPerInvanare).toBe(5_200_50);
    expect(request.ovrigaJusteringar).toEqual([]);

    const resultat = varde(
      beraknaResursfordelning({
        ...request,
        foregaendeArsTilldelningOre: request.foregaendeArsTilldelning,
        tillfalligaSatsningar: request.tillfalligaSatsningar.map(({ text, belopp }) => ({ text, beloppOre: belopp })),
        demografi: request.demografi.map(({ prisPerInvanare, ...rad }) => ({ ...rad, prisPerInvanareOre: prisPerInvanare })),
        ovrigaJusteringar: [],
      }),
    );
    expect(resursfordelningSchema.parse(resultat)).toEqual(resultat);
  });

  it.each([
    [
      'negative residents',
      { befolkning: [{ aldersband: '0-17', invanareIAr: -1, invanarePrognos: 1 }] },
      'befolkning.0.invanareIAr',
      'antalet invånare får inte vara negativt',
    ],
    [
      'a percentage as a number',
      { upprakning: { namn: 'KPI', procentsats: 2.3 } },
      'upprakning.procentsats',
      'ska vara en procentsats som text, till exempel "2,3"',
    ],
    [
      'a negative temporary satsning',
      { tillfalligaSatsningar: [{ text: 'x', belopp: '-1' }] },
      'tillfalligaSatsningar.0.belopp',
      'får inte vara negativt',
    ],
  ])('a resursfördelning request with %s is refused with a Swedish message', (_, andring, path, message) => {
    const resultat = resursfordelningRequestSchema.safeParse({
      namnd: 'SN',
      ar: 2027,
      foregaendeArsTilldelning: '1',
      upprakning: { namn: 'KPI', procentsats: '2' },
      ...andring,
    });
    expect(resultat.success).toBe(false);
    expect(resultat.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toContainEqual([path, message]);
  });

  it('an internbudget request takes kronor, and the distribution is a valid response', () => {
    const request = internbudgetRequestSchema.parse({
      namnd: 'SN',
      ar: 2027,
      namn: 'Internbudget 2027',
      beslutad: '2026-11-25',
      rader: [{ ansvar: '41230', kontogrupp: 'personalkostnader', belopp: 86_000_000.5 }],
    });
    expect(request.rader[0]?.belopp).toBe(86_000_000_50);
    const organisation = [
      { kod: '1283', namn: 'Helsingborgs stad', niva: 'stad', foralderKod: null, chef: null, giltigFran: '2027-01-01' },
      { kod: 'SN', namn: 'Socialnämnden', niva: 'namnd', foralderKod: '1283', chef: null, giltigFran: '2027-01-01' },
      { kod: 'SN-F', namn: 'Socialförvaltningen', niva: 'forvaltning', foralderKod: 'SN', chef: null, giltigFran: '2027-01-01' },
      { kod: 'SN-A1', namn: 'Barn och familj', niva: 'avdelning', foralderKod: 'SN-F', chef: null, giltigFran: '2027-01-01' },
      {
        kod: '41230',
        namn: 'Öppenvård',
        niva: 'enhet',
        foralderKod: 'SN-A1',
        chef: { anvandarId: 'j', namn: 'J' },
        giltigFran: '2027-01-01',
      },
    ] as const;
    const rader = request.rader.map(({ belopp, ...rad }) => ({ ...rad, beloppOre: belopp }));
    const resultat = varde(fordelaInternbudget({ namnd: 'SN', ramOre: 1_300_000_000_00, organisation, rader }));
    expect(internbudgetSchema.parse(resultat)).toEqual(resultat);
  });

  it('budget versions, the budget in force and the comparison are valid responses', () => {
    for (const version of VERSIONER) expect(budgetversionSchema.parse(version)).toEqual(version);
    const gallande = varde(gallandeBudget(VERSIONER, 2027));
    expect(gallandeBudgetSchema.parse(gallande)).toEqual(gallande);
    const jamforelse = varde(jamforVersioner(VERSIONER, 2027));
    expect(versionsjamforelseSchema.parse(jamforelse)).toEqual(jamforelse);
  });

  it("a resultatöverföring request defaults to Helsingborg's rule, and the proposal is a valid response", () => {
    const request = resultatoverforingRequestSchema.parse({ ar: 2026 });
    expect(request.regel).toEqual(HELSINGBORGS_OVERFORINGSREGEL);
    expect(overforingsregelSchema.safeParse({ overskottAndel: '100,0001' }).success).toBe(false);
    expect(overforingsregelSchema.safeParse({ overskottAndel: '100,0000' }).success).toBe(true);
    const forslag = varde(foreslaResultatoverforing([{ namnd: 'SN', budgetOre: 100_00, utfallOre: 90_01 }], request.regel));
    expect(resultatoverforingSchema.parse(forslag)).toEqual(forslag);
  });

  it('an investment project takes kronor per year, and the plan summary is a valid response', () => {
    const request = investeringsprojektRequestSchema.parse({
      namnd: 'SFN',
      namn: 'Ny skola Drottninghög',
      motiv: 'T',
      ar: [{ ar: 2027, budget: '3000000,01' }],
    });
    expect(request.ar[0]?.budget).toBe(3_000_000_01);
    expect(investeringsprojektRequestSchema.safeParse({ ...request, motiv: 'X' }).error?.issues[0]?.message).toBe(
      'okänt motiv; giltiga är A, E, K, L, M, U, T',
    );
    const projekt = {
      id: 'SFN-P001',
      namnd: 'SFN',
      namn: 'Ny skola',
      motiv: 'T' as const,
      ar: [{ ar: 2027, budgetOre: 3_000_000_01, utfallOre: 1_00 }],
    };
    expect(investeringsprojektSchema.parse(projekt)).toEqual(projekt);
    const sammanstallning = varde(summeraInvesteringsplan({ forstaAr: 2027, projekt: [projekt] }));
    expect(investeringssammanstallningSchema.parse(sammanstallning)).toEqual(sammanstallning);
  });

  it('the contract and the domain know the same motive codes', () => {
    expect([...INVESTERINGSMOTIV_KODER]).toEqual(Object.keys(INVESTERINGSMOTIV));
  });
});
