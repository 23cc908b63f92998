import type { UppfoljningNod } from '@tertial/contracts/dto';
import type { OrganisationNode } from '@tertial/contracts/organisation';
import type { Prognosstatus } from '@tertial/contracts/prognos';
import { demoStad } from '@tertial/demo-city';
import { describe, expect, it } from 'vitest';

import { ansvarSiffror, periodbudget, raknas, rullaUpp, siffrorAv, summa, uppdateraAnsvar, type AnsvarUnderlag } from './rulla-upp.js';
import { saknadeTillCsv, saknadeUnder } from './saknade.js';
import { underlagPerAnsvar, verksamhetsbudgetensSummor } from './uppfoljning.service.js';

const node = (kod: string, niva: OrganisationNode['niva'], foralderKod: string | null, chef: string | null = null): OrganisationNode => ({
  kod,
  namn: `Nod ${kod}`,
  niva,
  foralderKod,
  chef: chef ? { anvandarId: chef, namn: `Chef ${chef}` } : null,
  giltigFran: '2026-01-01',
});

const TREE: OrganisationNode[] = [
  node('1283', 'stad', null),
  node('SN', 'namnd', '1283'),
  node('SN-F', 'forvaltning', 'SN'),
  node('SN-A1', 'avdelning', 'SN-F'),
  node('41101', 'enhet', 'SN-A1', 'anna'),
  node('41102', 'enhet', 'SN-A1', 'anna'),
  node('SN-A2', 'avdelning', 'SN-F'),
  node('41201', 'enhet', 'SN-A2', 'bo'),
  node('KS', 'namnd', '1283'),
  node('KS-F', 'forvaltning', 'KS'),
  node('KS-A1', 'avdelning', 'KS-F'),
  node('11101', 'enhet', 'KS-A1', 'cia'),
];

const ALLA = { utfallTomManad: 8, namndIOmgangen: () => true };

const underlag = (
  budgetOre: number,
  utfallOre: number,
  prognos: [Prognosstatus, number] | null = null,
  foregaendeOre: number | null = null,
): AnsvarUnderlag => ({
  budgetOre,
  utfallOre,
  prognos: prognos ? { status: prognos[0], nettokostnadOre: prognos[1] } : null,
  foregaendeOre,
});

describe('periodbudget: the period’s share of the year’s budget, exact to the öre', () => {
  it.each([
    ['a whole year', 1_200_00, 12, 1_200_00],
    ['four months of a budget divisible by twelve', 1_200_00, 4, 400_00],
    ['eight months of 100 öre: 66.67 rounds up', 100, 8, 67],
    ['four months of 100 öre: 33.33 rounds down', 100, 4, 33],
    ['a half öre rounds away from zero', 3, 2, 1],
    ['a negative budget (a net revenue) rounds away from zero too', -100, 8, -67],
    ['a negative half öre', -3, 2, -1],
    ['nothing is nothing, not minus nothing', -1, 1, 0],
    ['ten billion kronor over eleven months', 1_000_000_000_000, 11, 916_666_666_667],
    ['an odd budget of a billion öre and one', 1_000_000_001, 7, 583_333_334],
  ])('%s', (_, budget, manader, forvantat) => {
    expect(periodbudget(budget, manader)).toBe(forvantat);
  });
});

describe('raknas: which forecasts count in the prognos', () => {
  it.each([
    ['utkast', false],
    ['klarmarkerad', true],
    ['godkand', true],
    ['aterskickad', false],
  ] as const)('a forecast that is %s counts: %s', (status, forvantat) => {
    expect(raknas(status)).toBe(forvantat);
  });
});

describe('ansvarSiffror: one ansvar’s figures in a round', () => {
  it.each([
    [
      'not started: budget and utfall, no prognos, no avvikelse',
      underlag(1_200_00, 500_00),
      {
        prognosOre: 0,
        prognosAntalAnsvar: 0,
        avvikelseOre: 0,
        avvikelseAntalAnsvar: 0,
        periodbudgetOre: 800_00,
        utfallAvvikelseOre: 300_00,
      },
      { ejPaborjad: 1 },
    ],
    [
      'an utkast is its chef’s own: it does not count',
      underlag(1_200_00, 0, ['utkast', 5_000_00]),
      { prognosOre: 0, prognosAntalAnsvar: 0, avvikelseAntalAnsvar: 0 },
      { utkast: 1 },
    ],
    [
      'a klarmarkerad forecast counts, avvikelse is budget minus prognos',
      underlag(1_200_00, 0, ['klarmarkerad', 1_300_00]),
      { prognosOre: 1_300_00, prognosAntalAnsvar: 1, avvikelseOre: -100_00, avvikelseAntalAnsvar: 1 },
      { klarmarkerade: 1 },
    ],
    [
      'a godkänd forecast counts, with its change since the previous round',
      underlag(1_200_00, 0, ['godkand', 1_100_00], 1_150_00),
      { prognosOre: 1_100_00, avvikelseOre: 100_00, forandringOre: -50_00, forandringAntalAnsvar: 1 },
      { godkanda: 1 },
    ],
    [
      'a forecast sent back no longer counts, nor does its change',
      underlag(1_200_00, 0, ['aterskickad', 1_100_00], 1_150_00),
      { prognosOre: 0, prognosAntalAnsvar: 0, forandringOre: 0, forandringAntalAnsvar: 0 },
      { aterskickade: 1 },
    ],
    [
      'no change without an earlier round',
      underlag(0, 0, ['klarmarkerad', 7]),
      { forandringOre: 0, forandringAntalAnsvar: 0, avvikelseOre: -7 },
      { klarmarkerade: 1 },
    ],
  ])('%s', (_, givet, siffror, framsteg) => {
    const resultat = ansvarSiffror(givet, true, 8);
    expect(resultat).toMatchObject({ antalAnsvar: 1, antalIOmgangen: 1, ...siffror });
    expect(resultat.framsteg).toEqual({ ejPaborjad: 0, utkast: 0, klarmarkerade: 0, godkanda: 0, aterskickade: 0, ...framsteg });
  });

  it.each([
    ['after April: the verksamhetsbudget’s first four months', 4, 10_000_00 * 3 + 4_000_00],
    ['after August: eight months, July’s low one among them', 8, 10_000_00 * 6 + 4_000_00 + 16_000_01],
    ['after November: all but December', 11, 10_000_00 * 8 + 4_000_00 + 16_000_01 + 0],
  ])('the period budget with a verksamhetsbudget is its months: %s', (_, tomManad, periodbudgetOre) => {
    const manader = [
      10_000_00, 10_000_00, 10_000_00, 4_000_00, 10_000_00, 10_000_00, 10_000_00, 16_000_01, 10_000_00, 10_000_00, 0, 9_999_99,
    ];
    const arsbudget = manader.reduce((a, b) => a + b, 0);
    const resultat = ansvarSiffror({ ...underlag(arsbudget, 0), manadsbudgetOre: manader }, true, tomManad);
    expect(resultat).toMatchObject({ budgetOre: arsbudget, periodbudgetOre, utfallAvvikelseOre: periodbudgetOre });
  });

  it('an ansvar outside a månadsprognos keeps its figures but counts in no progress', () => {
    const resultat = ansvarSiffror(underlag(1_200_00, 10, ['klarmarkerad', 1]), false, 8);
    expect(resultat).toMatchObject({ antalAnsvar: 1, antalIOmgangen: 0, prognosOre: 1, budgetOre: 1_200_00 });
    expect(Object.values(resultat.framsteg).every((antal) => antal === 0)).toBe(true);
  });
});

describe('rullaUpp: the round at every level of the tree', () => {
  const perAnsvar = new Map([
    ['41101', underlag(1_200_01, 400_00, ['klarmarkerad', 1_300_00], 1_250_00)],
    ['41102', underlag(600_00, 100_03, ['utkast', 9_999_99])],
    ['41201', underlag(-300_00, -50_00, ['godkand', -250_00])],
    ['11101', underlag(100, 1, ['aterskickad', 1])],
    ['99999', underlag(1_000_000, 1_000_000, ['klarmarkerad', 1_000_000])],
  ]);
  const rollup = rullaUpp(TREE, perAnsvar, ALLA);
  const nod = (kod: string) => rollup.noder.get(kod)!;

  it('every node of the tree is there, the city at the top', () => {
    expect(rollup.rot).toBe('1283');
    expect([...rollup.noder.keys()].sort()).toEqual(TREE.map((n) => n.kod).sort());
  });

  it.each([
    ['SN-A1', { budgetOre: 1_800_01, prognosOre: 1_300_00, prognosAntalAnsvar: 1, avvikelseOre: -99_99, utfallOre: 500_03 }],
    ['SN-F', { budgetOre: 1_500_01, prognosOre: 1_050_00, prognosAntalAnsvar: 2, avvikelseOre: -149_99, forandringOre: 50_00 }],
    ['KS', { budgetOre: 100, prognosOre: 0, avvikelseAntalAnsvar: 0, antalAnsvar: 1 }],
    ['1283', { budgetOre: 1_500_01 + 100, prognosOre: 1_050_00, antalAnsvar: 4, antalIOmgangen: 4, forandringAntalAnsvar: 1 }],
  ])('%s sums its ansvar', (kod, forvantat) => {
    expect(nod(kod)).toMatchObject(forvantat);
  });

  it('the period budget of a node is the sum of its ansvar’s rounded shares, not its own budget’s share', () => {
    // 1,200.01 kr × 8/12 = 800.0067 → 800.01; 600 kr × 8/12 = 400: the avdelning's is 1,200.01, and so is the share of its sum.
    expect(nod('41101').periodbudgetOre).toBe(800_01);
    expect(nod('SN-A1').periodbudgetOre).toBe(800_01 + 400_00);
    expect(nod('1283').periodbudgetOre).toBe(800_01 + 400_00 - 200_00 + 67);
  });

  it('counts progress per status, every ansvar once', () => {
    expect(nod('1283').framsteg).toEqual({ ejPaborjad: 0, utkast: 1, klarmarkerade: 1, godkanda: 1, aterskickade: 1 });
  });

  it('an ansvar the tree does not know is left out; one without data is ej påbörjad', () => {
    const utan = rullaUpp(TREE, new Map(), ALLA);
    expect(utan.noder.get('1283')).toMatchObject({ budgetOre: 0, antalAnsvar: 4, framsteg: { ejPaborjad: 4 } });
    expect(rollup.noder.has('99999')).toBe(false);
  });

  it('a månadsprognos for chosen nämnder counts progress only there, and the period follows its month', () => {
    const juni = rullaUpp(TREE, perAnsvar, { utfallTomManad: 6, namndIOmgangen: (namnd) => namnd === 'SN' });
    expect(juni.noder.get('1283')).toMatchObject({ antalAnsvar: 4, antalIOmgangen: 3 });
    expect(juni.noder.get('KS')?.framsteg.aterskickade).toBe(0);
    expect(juni.noder.get('41101')?.periodbudgetOre).toBe(600_01);
  });

  it('a node whose parent is missing does not hang from the city and is left out', () => {
    const losa = rullaUpp([...TREE, node('77777', 'enhet', 'X-A1')], new Map([['77777', underlag(5, 5)]]), ALLA);
    expect(losa.noder.has('77777')).toBe(false);
    expect(losa.noder.get('1283')?.budgetOre).toBe(0);
  });

  it('an empty tree has no top', () => {
    expect(rullaUpp([], perAnsvar, ALLA).rot).toBeNull();
  });
});

/** Every node's figures against the sum of its children's: the property the roll-up promises. */
function summorStammer(noder: ReadonlyMap<string, UppfoljningNod>, barn: ReadonlyMap<string, readonly string[]>): string[] {
  const fel: string[] = [];
  for (const [kod, nod] of noder) {
    const barnen = (barn.get(kod) ?? []).map((b) => noder.get(b)!).filter(Boolean);
    if (barnen.length === 0) continue;
    if (JSON.stringify(siffrorAv(nod)) !== JSON.stringify(summa(barnen))) fel.push(kod);
  }
  return fel;
}

describe('the whole demo city rolled up', () => {
  const stad = demoStad();
  const ansvar = stad.organisation.filter((n) => n.niva === 'enhet').map((n) => n.kod);
  const budget = new Map<string, number>();
  for (const rad of stad.internbudget) {
    const tecken = rad.kontogrupp === 'intakter' ? -1 : 1;
    budget.set(rad.ansvar, (budget.get(rad.ansvar) ?? 0) + tecken * rad.beloppOre);
  }
  const STATUSAR = ['utkast', 'klarmarkerad', 'godkand', 'aterskickad'] as const;
  // Every fifth ansvar not started; the rest in each status in turn, with odd öre everywhere.
  const perAnsvar = new Map(
    ansvar.map((kod, i) => [
      kod,
      underlag(
        budget.get(kod) ?? 0,
        Math.round((budget.get(kod) ?? 0) * 0.61) + (i % 7),
        i % 5 === 0 ? null : [STATUSAR[i % 4]!, Math.round((budget.get(kod) ?? 0) * 1.013) + (i % 13)],
        i % 3 === 0 ? (budget.get(kod) ?? 0) + i : null,
      ),
    ]),
  );

  it('every node equals the sum of its children, to the öre, and the city the sum of every ansvar', () => {
    const rollup = rullaUpp(stad.organisation, perAnsvar, ALLA);
    expect(rollup.noder.size).toBe(stad.organisation.length);
    expect(summorStammer(rollup.noder, rollup.barn)).toEqual([]);
    const blad = ansvar.map((kod) => rollup.noder.get(kod)!);
    expect(siffrorAv(rollup.noder.get(rollup.rot!)!)).toEqual(summa(blad));
    expect(rollup.noder.get(rollup.rot!)?.budgetOre).toBe([...budget.values()].reduce((a, b) => a + b, 0));
  });

  it('taking changes in one ansvar at a time ends where rolling up the whole tree again ends, node for node', () => {
    const nu = rullaUpp(stad.organisation, perAnsvar, ALLA);
    const efter = new Map(perAnsvar);
    // A thousand changes over the city: new forecasts, changed statuses, a withdrawn one, a new budget and utfall.
    for (let i = 0; i < 1_000; i++) {
      const kod = ansvar[(i * 7919) % ansvar.length]!;
      const fore = efter.get(kod)!;
      const ny =
        i % 10 === 0
          ? underlag(fore.budgetOre + 1, fore.utfallOre, null, fore.foregaendeOre)
          : underlag(
              fore.budgetOre,
              fore.utfallOre + 1 + (i % 3),
              [STATUSAR[i % 4]!, fore.budgetOre + i * 101],
              i % 2 ? fore.budgetOre : null,
            );
      efter.set(kod, ny);
      const forstaNoden = nu.noder.get(kod);
      expect(uppdateraAnsvar(nu, kod, ny, ALLA)).toBe(true);
      // The node a reader took before the change is not changed by it.
      expect(nu.noder.get(kod)).not.toBe(forstaNoden);
    }
    const omRullad = rullaUpp(stad.organisation, efter, ALLA);
    expect(Object.fromEntries(nu.noder)).toEqual(Object.fromEntries(omRullad.noder));
    expect(summorStammer(nu.noder, nu.barn)).toEqual([]);
  });

  it('a change that changes nothing, or of an ansvar that does not hang from the city, leaves the roll-up as it was', () => {
    const nu = rullaUpp(stad.organisation, perAnsvar, ALLA);
    const kod = ansvar[3]!;
    const stadFore = nu.noder.get(nu.rot!);
    expect(uppdateraAnsvar(nu, kod, perAnsvar.get(kod), ALLA)).toBe(false);
    expect(uppdateraAnsvar(nu, '99999', underlag(1, 1, ['klarmarkerad', 1]), ALLA)).toBe(false);
    expect(nu.noder.get(nu.rot!)).toBe(stadFore);
  });

  it('lists the missing ansvar of a förvaltning with their chefs', () => {
    const rollup = rullaUpp(stad.organisation, perAnsvar, ALLA);
    const saknade = saknadeUnder(rollup, 'SN-F');
    const sn = rollup.noder.get('SN-F')!;
    expect(saknade.length).toBe(sn.framsteg.ejPaborjad + sn.framsteg.utkast + sn.framsteg.aterskickade);
    expect(saknade.every((s) => s.chef !== null && s.forvaltning?.kod === 'SN-F' && s.namnd?.kod === 'SN')).toBe(true);
  });
});

describe('the missing ansvar as CSV for Swedish Excel', () => {
  const rollup = rullaUpp(
    [
      ...TREE.slice(0, 4),
      { ...node('41101', 'enhet', 'SN-A1'), namn: 'Boende; "Ljuset"', chef: { anvandarId: 'anna', namn: 'Anna Åberg' } },
    ],
    new Map([['41101', underlag(1, 1, ['aterskickad', 1])]]),
    ALLA,
  );

  it('starts with a byte order mark and a header, separates with semicolons, ends lines with CRLF and quotes what needs it', () => {
    const csv = saknadeTillCsv(saknadeUnder(rollup, 'SN'));
    expect(csv).toBe(
      '\uFEFFansvar;ansvar_namn;status;chef_id;chef_namn;avdelning;avdelning_namn;forvaltning;forvaltning_namn;namnd;namnd_namn;senaste_paminnelse;paminnelse_av\r\n' +
        '41101;"Boende; ""Ljuset""";aterskickad;anna;Anna Åberg;SN-A1;Nod SN-A1;SN-F;Nod SN-F;SN;Nod SN;;\r\n',
    );
  });

  it('ends each row with the latest reminder, when and by whom', () => {
    const [saknad] = saknadeUnder(rollup, 'SN');
    const csv = saknadeTillCsv([{ ...saknad!, paminnad: { at: '2026-09-10T08:15:00.000Z', av: 'Eva Ek; ekonom' } }]);
    expect(csv.split('\r\n')[1]?.endsWith(';2026-09-10T08:15:00.000Z;"Eva Ek; ekonom"')).toBe(true);
  });

  it('is a header alone when nothing is missing', () => {
    expect(saknadeTillCsv([]).split('\r\n')).toHaveLength(2);
  });
});

describe('underlagPerAnsvar: an ansvar’s forecast in the round and its latest earlier one', () => {
  const rad = (ansvar: string, tillfalle: 'april' | 'juni' | 'augusti' | 'september', status: Prognosstatus, netto: number) => ({
    ansvar,
    tillfalle,
    status,
    nettokostnad_ore: String(netto),
    applied_at: '2026-09-01T10:00:00Z',
  });

  it.each([
    [
      'the round’s own forecast, whatever its status',
      [rad('1', 'augusti', 'utkast', 5)],
      { prognos: { status: 'utkast', nettokostnadOre: 5 }, foregaendeOre: null },
    ],
    [
      'the latest earlier counting round is the previous one',
      [rad('1', 'april', 'godkand', 3), rad('1', 'juni', 'klarmarkerad', 4)],
      { prognos: null, foregaendeOre: 4 },
    ],
    [
      'an earlier utkast is not a previous forecast',
      [rad('1', 'april', 'godkand', 3), rad('1', 'juni', 'utkast', 4)],
      { foregaendeOre: 3 },
    ],
    ['a later round does not count as previous', [rad('1', 'september', 'godkand', 9)], { prognos: null, foregaendeOre: null }],
  ] as const)('%s', (_, rader, forvantat) => {
    const { perAnsvar } = underlagPerAnsvar('augusti', rader, [], []);
    expect(perAnsvar.get('1') ?? { prognos: null, foregaendeOre: null }).toMatchObject(forvantat);
  });

  it('budget and utfall come in as numbers, also from bigint columns read as text', () => {
    const { perAnsvar, finnsPrognos } = underlagPerAnsvar(
      'augusti',
      [],
      [{ ansvar: '1', nettokostnad_ore: '900719925474099' }],
      [{ ansvar: '1', netto_ore: 12 }],
    );
    expect(perAnsvar.get('1')).toEqual({
      budgetOre: 900_719_925_474_099,
      manadsbudgetOre: null,
      utfallOre: 12,
      prognos: null,
      foregaendeOre: null,
    });
    expect(finnsPrognos).toBe(false);
  });

  it.each([
    ['as text (SQLite)', '[1,2,3,4,5,6,7,8,9,10,11,12]'],
    ['parsed (PostgreSQL jsonb)', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]],
  ])('the verksamhetsbudget’s months come in %s', (_, manader) => {
    const { perAnsvar } = underlagPerAnsvar('augusti', [], [{ ansvar: '1', nettokostnad_ore: 78, manader_netto_ore: manader }], []);
    expect(perAnsvar.get('1')?.manadsbudgetOre).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
});

describe('verksamhetsbudgetensSummor: the verksamhetsbudget as the roll-up keeps it', () => {
  const tolv = (belopp: number) => Array.from({ length: 12 }, () => belopp);
  it.each([
    [
      'cost alone',
      [{ kontogrupp: 'personalkostnader' as const, manader: tolv(100) }],
      [{ kontogrupp: 'personalkostnader', beloppOre: 1_200 }],
      tolv(100),
    ],
    [
      'revenue is subtracted month by month',
      [
        { kontogrupp: 'intakter' as const, manader: tolv(30) },
        { kontogrupp: 'lokalkostnader' as const, manader: [...tolv(50).slice(1), 51] },
      ],
      [
        { kontogrupp: 'intakter', beloppOre: 360 },
        { kontogrupp: 'lokalkostnader', beloppOre: 601 },
      ],
      [...tolv(20).slice(1), 21],
    ],
  ])('%s', (_, rader, ar, manaderNettoOre) => {
    expect(verksamhetsbudgetensSummor(rader)).toEqual({ rader: ar, manaderNettoOre });
  });
});
