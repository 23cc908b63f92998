// The city's result: earlier years' balanskrav from a file (API and CLI), a closed year from budget.bokslut-faststallt
// on a real broker, the finance function's lines, the resultaträkning with internal accounts eliminated, and the
// balanskravsutredning with its RUR rules; which accounts are internal comes from the budget service's kontoplan
// through budget.kontoplan-uppdaterad; budget and forecast columns eliminate by each nämnd's internal share (2053–2055).
// The years are far from the demo city's, so its figures stay.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';

import type {
  BalanskravImportResultat,
  InternaKonton,
  ResultatradIntervall,
  BalanskravOversikt,
  Balanskravsutredning,
  Resultatrakning,
  RurRegler,
} from '@tertial/contracts/dto';
import type { EventEnvelope } from '@tertial/contracts/envelope';
import {
  bokslutFaststallt,
  helarsprognosAndrad,
  utfallAnsvarUppdaterat,
  verksamhetsbudgetUppdaterad,
  type BokslutFaststalltPayload,
} from '@tertial/contracts/events';
import type { KontogruppKod } from '@tertial/contracts/kontogrupper';
import type { InterntKontointervall } from '@tertial/contracts/kontoplan';
import type { Problem } from '@tertial/contracts/problem';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { apiClient } from '../support/api.js';
import { ALLA_ANSVAR, ansvarI } from '../support/demo.js';
import { lasStadensTabeller } from '../support/las.js';
import { envelope, testKafka } from '../support/kafka.js';
import { eventually, ROOT } from '../support/services.js';
import { writeTemp } from '../support/sie.js';
import { token } from '../support/tokens.js';

const stack = inject('stack');
const api = apiClient(stack.gatewayUrl);
const kafka = testKafka(stack.kafkaBrokers);
const tertial = `${ROOT}/packages/cli/bin/tertial`;
const MNKR = 100_000_000;
const mnkr = (belopp: number) => Math.round(belopp * MNKR);
const [A1, A2] = ALLA_ANSVAR.map((node) => node.kod) as [string, string];

const RUBRIK =
  'ar;arets_resultat;samtliga_realisationsvinster;realisationsvinster_undantag;realisationsforluster_undantag;orealiserade_forluster_vardepapper;aterforing_orealiserade_forluster;till_rur;fran_rur';
/**
 * 2040 clears whatever deficit came before; 2041 is a deficit of 50 mnkr that 2042 restores 20 of. (A closed year
 * whose finance lines are not in yet, the demo's 2025 before the report service has sized them, stays out of the
 * history: without skatteintäkter its result would be a deficit of billions.)
 */
const HISTORIK = `${RUBRIK};resultat_efter_justeringar;balanskravsresultat
2040;100 000 000 000,00;0;0;0;0;0;0;0;100 000 000 000;100 000 000 000
2041;-45 000 000;-5 000 000;0;0;0;0;0;0;-50 000 000;-50 000 000
2042;32 500 000,50;-2 500 000,50;0;0;0;0;-10 000 000;0;30 000 000;20 000 000
`;

type Svar<T> = T & Pick<Partial<Problem>, 'errors' | 'title'> & { resultat?: BalanskravImportResultat };
const importera = (csv: string, dryRun = false) =>
  api.json<Svar<BalanskravImportResultat>>(`/api/report/balanskrav/historik?dryRun=${dryRun}&filnamn=historik.csv`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: csv,
  });
/**
 * A year's utredning as only that year decides it: its messages about other years (the demo's 2025, which another test
 * file closes meanwhile, may gain or lose "bokslutets finansrader … saknas") left out.
 */
const utredningen = async (ar: number): Promise<Balanskravsutredning> => {
  const { body } = await api.json<Balanskravsutredning>(`/api/report/balanskrav/${ar}/bokslut`);
  return { ...body, meddelanden: body.meddelanden.filter((meddelande) => !/^\d{4}:/.test(meddelande) || meddelande.startsWith(`${ar}:`)) };
};
const historikAr = async (ar: number) =>
  (await api.json<BalanskravOversikt>(`/api/report/balanskrav?ar=${ar}`)).body.historik.filter((rad) => rad.ar >= 2040);

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('bash', [tertial, ...args, '--url', stack.gatewayUrl], {
      env: { ...process.env, TERTIAL_TOKEN: await token('ekonomidirektor') },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const fel = error as { code: number; stdout: string; stderr: string };
    return { code: fel.code, stdout: fel.stdout, stderr: fel.stderr };
  }
}

function bokslut(
  namnd: string,
  rader: BokslutFaststalltPayload['rader'],
  { ar = 2044, antalNamnder = 2 } = {},
): EventEnvelope<BokslutFaststalltPayload> {
  const payload: BokslutFaststalltPayload = {
    ar,
    namnd,
    antalNamnder,
    faststalltAt: '2045-02-15T10:00:00.000Z',
    faststalltAv: 'ekonomidirektor',
    rader,
    nettokostnadOre: rader.reduce((summa, rad) => summa + rad.beloppOre, 0),
  };
  return {
    eventId: randomUUID(),
    type: bokslutFaststallt.type,
    schemaVersion: bokslutFaststallt.schemaVersion,
    occurredAt: new Date().toISOString(),
    producer: 'budget',
    correlationId: randomUUID(),
    key: bokslutFaststallt.keyOf(payload),
    payload,
  };
}

describe('earlier years of the balanskrav from a file', () => {
  it('a dry run shows each year and what Tertial computes, and stores nothing', async () => {
    const fore = await historikAr(2043);
    const { status, body } = await importera(HISTORIK, true);
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'provkord', fel: [] });
    expect(body.ar.map((rad) => [rad.ar, rad.resultatEfterJusteringarOre, rad.balanskravsresultatOre])).toEqual([
      [2040, 100_000 * MNKR, 100_000 * MNKR],
      [2041, -50 * MNKR, -50 * MNKR],
      [2042, 30 * MNKR, 20 * MNKR],
    ]);
    expect(await historikAr(2043)).toEqual(fore);
  });

  it('an import stores the years; importing a year again replaces it and says so', async () => {
    const forsta = await importera(HISTORIK);
    expect(forsta.body.status).toBe('importerad');
    const andra = await importera(`${RUBRIK}\n2042;40 000 000;0;0;0;0;0;-10 000 000;0\n`);
    expect(andra.status).toBe(200);
    expect(andra.body.ar).toMatchObject([{ ar: 2042, ersatter: true, balanskravsresultatOre: 30 * MNKR }]);
    expect(andra.body.meddelanden).toEqual(['2042 fanns redan och ersattes.']);
    const tillbaka = await importera(
      HISTORIK.split('\n')
        .filter((rad, index) => index === 0 || rad.startsWith('2042'))
        .join('\n'),
    );
    expect(tillbaka.body.ar).toMatchObject([{ ar: 2042, ersatter: true, balanskravsresultatOre: 20 * MNKR }]);
    expect((await historikAr(2043)).map((rad) => [rad.ar, rad.kalla, rad.balanskravsresultatOre])).toEqual([
      [2040, 'historik', 100_000 * MNKR],
      [2041, 'historik', -50 * MNKR],
      [2042, 'historik', 20 * MNKR],
    ]);
  });

  it.each([
    ['a missing column', `${RUBRIK.replace(';fran_rur', '')}\n2043;1;0;0;0;0;0;0\n`, 'fran_rur', /rad 1: kolumnen fran_rur saknas/],
    [
      'a non-numeric amount',
      `${RUBRIK}\n2043;1;0;0;0;0;0;0;0\n2044;tio;0;0;0;0;0;0;0\n`,
      'arets_resultat',
      /rad 3: .*"tio" är inget belopp/,
    ],
    ['the same year twice', `${RUBRIK}\n2043;1;0;0;0;0;0;0;0\n2043;2;0;0;0;0;0;0;0\n`, 'ar', /rad 3: året 2043 finns redan på rad 2/],
    [
      'a check column that does not match',
      `${RUBRIK};balanskravsresultat\n2043;100;-10;0;0;0;0;0;0;100\n`,
      'balanskravsresultat',
      /rad 2: balanskravsresultat är 100,00 kr i filen men 90,00 kr/,
    ],
  ])('%s is refused with a problem naming the field and line, and nothing is stored', async (_, csv, falt, meddelande) => {
    const fore = await historikAr(2043);
    const { status, body, contentType } = await importera(csv);
    expect(status).toBe(422);
    expect(contentType).toContain('application/problem+json');
    expect(body.errors).toContainEqual({ field: falt, message: expect.stringMatching(meddelande) });
    expect(body.resultat?.status).toBe('avvisad');
    expect(await historikAr(2043)).toEqual(fore);
  });

  it('npx tertial import-balanskrav checks a file, and refuses a bad one with the line and exit status 1', async () => {
    const bra = writeTemp('balanskrav.csv', Buffer.from(HISTORIK));
    const provkorning = await cli('import-balanskrav', bra, '--dry-run', '--json');
    expect(provkorning.code).toBe(0);
    expect((JSON.parse(provkorning.stdout) as BalanskravImportResultat).ar.map((rad) => rad.ar)).toEqual([2040, 2041, 2042]);
    const dalig = writeTemp('dalig.csv', Buffer.from(`${RUBRIK.replaceAll(';', ',')}\n2043,1,0,0,0,0,0,0,0\n2043,2,0,0,0,0,0,0,0\n`));
    const avvisad = await cli('import-balanskrav', dalig);
    expect(avvisad.code).toBe(1);
    expect(avvisad.stderr).toContain('rad 3 ar: året 2043 finns redan på rad 2');
    // Used wrongly: 2, as the help says, not 1 (refused).
    const saknas = await cli('import-balanskrav', '/finns/inte/balanskrav.csv');
    expect(saknas).toMatchObject({ code: 2, stderr: expect.stringContaining('Filen /finns/inte/balanskrav.csv kunde inte läsas') });
    expect((await cli('import-balanskrav', bra, '--torrkorning')).code).toBe(2);
    expect((await cli('balanskrav', '--ar', '2044', '--manad', '3')).code).toBe(2);
  });
});

describe('the closed year, the resultaträkning and the balanskravsutredning', () => {
  let regler: RurRegler;

  beforeAll(async () => {
    regler = (await api.json<RurRegler>('/api/report/balanskrav/rur-regler')).body;
    const testregler = {
      ...regler,
      skatteunderlagUtveckling: [
        ...regler.skatteunderlagUtveckling.filter((rad) => rad.ar !== 2044),
        { ar: 2044, basispunkter: 500, tioarssnittBasispunkter: 410 },
      ],
    };
    expect(
      (
        await api.json('/api/report/balanskrav/rur-regler', {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(testregler),
        })
      ).status,
    ).toBe(200);
  });
  afterAll(async () => {
    await api.json('/api/report/balanskrav/rur-regler', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(regler),
    });
  });

  it('the bokslut column comes from the closed year of every nämnd, with internal accounts eliminated', async () => {
    const finansrader = [
      { rad: 'skatteintakter', beloppOre: 6 * MNKR, kalla: 'Slutavräkning 2045-02-12' },
      { rad: 'generella-statsbidrag', beloppOre: 2 * MNKR, kalla: '' },
      { rad: 'pensioner', beloppOre: mnkr(0.3), kalla: '' },
      { rad: 'avskrivningar', beloppOre: mnkr(0.1), kalla: '' },
      { rad: 'finansiella-intakter', beloppOre: mnkr(0.05), kalla: '' },
      { rad: 'finansiella-kostnader', beloppOre: mnkr(0.1), kalla: '' },
    ];
    const satt = await api.json('/api/report/finansrader/2044/bokslut', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rader: finansrader }),
    });
    expect(satt.status).toBe(200);

    await kafka.produce(
      bokslutFaststallt.topic,
      [
        bokslut('SN', [
          { ansvar: A1, konto: 3110, kontogrupp: 'intakter', beloppOre: -1 * MNKR },
          { ansvar: A1, konto: 5010, kontogrupp: 'personalkostnader', beloppOre: 5 * MNKR },
          { ansvar: A1, konto: 7910, kontogrupp: 'kapitalkostnader', beloppOre: mnkr(0.2) },
          { ansvar: A1, konto: 7950, kontogrupp: 'kapitalkostnader', beloppOre: mnkr(0.1) },
        ]),
      ].map((e) => ({ key: e.key, value: JSON.stringify(e) })),
    );
    await kafka.produce(
      bokslutFaststallt.topic,
      [
        bokslut('KFN', [
          { ansvar: A2, konto: 6010, kontogrupp: 'lokalkostnader', beloppOre: 2 * MNKR },
          { ansvar: A2, konto: 7950, kontogrupp: 'kapitalkostnader', beloppOre: mnkr(0.05) },
        ]),
      ].map((e) => ({ key: e.key, value: JSON.stringify(e) })),
    );
    const { body } = await eventually(
      () => api.json<Resultatrakning>('/api/report/resultatrakning?ar=2044'),
      (svar) => svar.body.kolumner.find((kolumn) => kolumn.tillfalle === 'bokslut')?.finns === true,
    );
    const k = body.kolumner.findIndex((kolumn) => kolumn.tillfalle === 'bokslut');
    expect(body.kolumner[k]).toMatchObject({
      elimineratOre: mnkr(0.15),
      kallor: [{ rad: 'skatteintakter', kalla: 'Slutavräkning 2045-02-12' }],
    });
    expect(Object.fromEntries(body.rader.map((rad) => [rad.kod, rad.belopp[k]]))).toEqual({
      'verksamhetens-intakter': 1 * MNKR,
      'verksamhetens-kostnader': mnkr(-7.3),
      avskrivningar: mnkr(-0.3),
      'verksamhetens-nettokostnader': mnkr(-6.6),
      skatteintakter: 6 * MNKR,
      'generella-statsbidrag': 2 * MNKR,
      'verksamhetens-resultat': mnkr(1.4),
      'finansiella-intakter': mnkr(0.05),
      'finansiella-kostnader': mnkr(-0.1),
      'resultat-efter-finansiella-poster': mnkr(1.35),
      'arets-resultat': mnkr(1.35),
    });
  });

  it('a RUR movement that breaks a rule is refused with the rule named, and nothing is stored', async () => {
    const fore = await utredningen(2044);
    const noll = {
      samtligaRealisationsvinsterOre: 0,
      realisationsvinsterUndantagOre: 0,
      realisationsforlusterUndantagOre: 0,
      orealiseradeForlusterOre: 0,
      aterforingOrealiseradeForlusterOre: 0,
      tillRurOre: 0,
      franRurOre: 0,
    };
    const satt = (justeringar: object) =>
      api.json<Balanskravsutredning & Pick<Partial<Problem>, 'errors'>>('/api/report/balanskrav/2044/bokslut/justeringar', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...noll, ...justeringar }),
      });
    // 1 % of 8 mnkr skatter och bidrag: at most 1,35 − 0,08 = 1,27 mnkr may be reserved.
    const forMycket = await satt({ tillRurOre: mnkr(-1.3) });
    expect(forMycket.status).toBe(422);
    expect(forMycket.body.errors).toEqual([
      { field: 'tillRurOre', message: expect.stringMatching(/^rur-tak: .*1 % av skatteintäkter.*högst 1,3 mnkr/) },
    ]);
    const anvanda = await satt({ franRurOre: mnkr(0.1) });
    expect(anvanda.status).toBe(422);
    expect(anvanda.body.errors?.map((fel) => fel.message.split(':')[0])).toEqual(['rur-skatteunderlag', 'rur-underskott']);
    expect(anvanda.body.errors?.[0]?.message).toContain('2044: skatteunderlaget växte 5 %, tioårssnittet 4,1 % (publicerat)');
    expect(await utredningen(2044)).toEqual(fore);

    const ok = await satt({ tillRurOre: mnkr(-1.2) });
    expect(ok.status).toBe(200);
    expect(ok.body.rur.utgaendeOre - ok.body.rur.ingaendeOre).toBe(mnkr(1.2));
  });

  it('RUR rules giving a year twice are refused naming the row, and the rules stay as they were', async () => {
    const fore = (await api.json<RurRegler>('/api/report/balanskrav/rur-regler')).body;
    const dubbel = {
      ...fore,
      skatteunderlagUtveckling: [
        { ar: 2044, basispunkter: 500 },
        { ar: 2044, basispunkter: 300 },
      ],
    };
    const svar = await api.json<Problem>('/api/report/balanskrav/rur-regler', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(dubbel),
    });
    expect(svar.status).toBe(400);
    expect(svar.body.errors).toEqual([{ field: 'skatteunderlagUtveckling[1].ar', message: 'året 2044 finns redan' }]);
    expect((await api.json<RurRegler>('/api/report/balanskrav/rur-regler')).body).toEqual(fore);
  });

  it('the utredning of the closed year: every row, the deficit of 2041 restored oldest first, by 2044', async () => {
    await importera(`${RUBRIK}\n2043;15 000 000;0;0;0;0;0;0;0\n2044;999;0;0;0;0;0;0;0\n`).then(({ body }) =>
      expect(body.ar.find((rad) => rad.ar === 2044)).toMatchObject({ bokslutGaller: true }),
    );
    const { body } = await api.json<Balanskravsutredning>('/api/report/balanskrav/2044/bokslut');
    expect(body.kalla).toBe('bokslut');
    // Only the year's own: the demo's 2025 may still wait for its finance lines, and its utredningar would say so.
    expect(body.meddelanden.filter((meddelande) => meddelande.startsWith('2044:'))).toEqual([
      '2044: Tertials fastställda bokslut används i stället för det importerade året.',
    ]);
    expect(body.rader.map((rad) => [rad.kod, rad.beloppOre])).toEqual([
      ['arets-resultat', mnkr(1.35)],
      ['samtliga-realisationsvinster', 0],
      ['realisationsvinster-undantag', 0],
      ['realisationsforluster-undantag', 0],
      ['orealiserade-forluster', 0],
      ['aterforing-orealiserade-forluster', 0],
      ['resultat-efter-justeringar', mnkr(1.35)],
      ['till-rur', mnkr(-1.2)],
      ['fran-rur', 0],
      ['balanskravsresultat', mnkr(0.15)],
      // 2041's 50 mnkr, less 20 restored in 2042 and 15 in 2043.
      ['underskott-tidigare-ar', -15 * MNKR],
      ['att-aterstalla', mnkr(-14.85)],
    ]);
    expect(body.underskottFranTidigareAr).toEqual([
      {
        ar: 2041,
        underskottOre: 50 * MNKR,
        aterstalltOre: 35 * MNKR,
        kvarOre: 15 * MNKR,
        senastAr: 2044,
        aterstallningar: [
          { ar: 2042, beloppOre: 20 * MNKR },
          { ar: 2043, beloppOre: 15 * MNKR },
        ],
      },
    ]);

    const utskrift = await cli('balanskrav', '--ar', '2044', '--tillfalle', 'bokslut');
    expect(utskrift.code).toBe(0);
    expect(utskrift.stdout).toMatch(/Årets balanskravsresultat\s+150 000,00 kr/);
    expect(utskrift.stdout).toContain('2041: underskott 50 000 000,00 kr, återställt 35 000 000,00 kr, kvar 15 000 000,00 kr senast 2044');
    const json = await cli('balanskrav', '--ar', '2044', '--json');
    expect((JSON.parse(json.stdout) as Balanskravsutredning).tillfalle).toBe('bokslut');
    expect((await cli('balanskrav', '--ar', '2044', '--tillfalle', 'maj')).code).toBe(2);
  });
});

describe('a closed year counts only once its finance lines are in', () => {
  // 2048 is also an imported year; 2050 is not.
  const sattFinansrader = (ar: number, rader: { rad: string; beloppOre: number }[]) =>
    api.json(`/api/report/finansrader/${ar}/bokslut`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rader: rader.map((rad) => ({ ...rad, kalla: '' })) }),
    });
  const bokslutskolumn = async (ar: number) => {
    const { body } = await api.json<Resultatrakning>(`/api/report/resultatrakning?ar=${ar}`);
    const k = body.kolumner.findIndex((kolumn) => kolumn.tillfalle === 'bokslut');
    return { kolumn: body.kolumner[k]!, aretsResultat: body.rader.find((rad) => rad.kod === 'arets-resultat')!.belopp[k] };
  };
  const historiken = async (ar: number) =>
    (await api.json<BalanskravOversikt>(`/api/report/balanskrav?ar=${ar}`)).body.historik.find((rad) => rad.ar === ar);
  const stang = (ar: number) =>
    kafka.produce(
      bokslutFaststallt.topic,
      [bokslut('SN', [{ ansvar: A1, konto: 5010, kontogrupp: 'personalkostnader', beloppOre: 9 * MNKR }], { ar, antalNamnder: 1 })].map(
        (e) => ({ key: e.key, value: JSON.stringify(e) }),
      ),
    );

  it('without skatteintäkter and generella statsbidrag the bokslut has no result, the imported year stays and the utredning says why', async () => {
    expect((await importera(`${RUBRIK}\n2048;12 000 000;0;0;0;0;0;0;0\n`)).body.status).toBe('importerad');
    await stang(2048);
    // The bokslut has arrived once its nämnd shows in the column's elimination.
    const utan = await eventually(
      () => bokslutskolumn(2048),
      (svar) => svar.kolumn.eliminering.namnder.length === 1,
    );
    expect(utan).toMatchObject({ kolumn: { finns: false }, aretsResultat: null });
    const utredning = await api.json<Balanskravsutredning>('/api/report/balanskrav/2048/bokslut');
    expect(utredning.status).toBe(200);
    expect(utredning.body.kalla).toBe('historik');
    expect(utredning.body.rader[0]).toEqual({ kod: 'arets-resultat', namn: 'Årets resultat', beloppOre: 12 * MNKR });
    expect(utredning.body.meddelanden).toContain(
      '2048: bokslutets finansrader (skatteintäkter och generella statsbidrag) saknas; bokslutet räknas inte i balanskravet förrän de är inlagda, det importerade året används så länge.',
    );
    expect(await historiken(2048)).toMatchObject({ kalla: 'historik', aretsResultatOre: 12 * MNKR });
    expect((await importera(`${RUBRIK}\n2048;12 000 000;0;0;0;0;0;0;0\n`, true)).body.ar).toMatchObject([
      { ar: 2048, bokslutGaller: false },
    ]);

    // Skatteintäkter alone are not enough.
    expect((await sattFinansrader(2048, [{ rad: 'skatteintakter', beloppOre: 7 * MNKR }])).status).toBe(200);
    expect((await bokslutskolumn(2048)).kolumn.finns).toBe(false);
    expect((await historiken(2048))?.kalla).toBe('historik');

    expect(
      (
        await sattFinansrader(2048, [
          { rad: 'skatteintakter', beloppOre: 7 * MNKR },
          { rad: 'generella-statsbidrag', beloppOre: 3 * MNKR },
        ])
      ).status,
    ).toBe(200);
    expect(await bokslutskolumn(2048)).toMatchObject({ kolumn: { finns: true }, aretsResultat: 1 * MNKR });
    const med = (await api.json<Balanskravsutredning>('/api/report/balanskrav/2048/bokslut')).body;
    expect(med.kalla).toBe('bokslut');
    expect(med.meddelanden.filter((meddelande) => meddelande.startsWith('2048:'))).toEqual([
      '2048: Tertials fastställda bokslut används i stället för det importerade året.',
    ]);
    expect(med.rader[0]).toEqual({ kod: 'arets-resultat', namn: 'Årets resultat', beloppOre: 1 * MNKR });
    expect(await historiken(2048)).toMatchObject({ kalla: 'bokslut', aretsResultatOre: 1 * MNKR });
  });

  it('a closed year with no imported year has no utredning until then, and the 404 says why', async () => {
    await stang(2050);
    await eventually(
      () => bokslutskolumn(2050),
      (svar) => svar.kolumn.eliminering.namnder.length === 1,
    );
    const svar = await api.json<Problem>('/api/report/balanskrav/2050/bokslut');
    expect(svar.status).toBe(404);
    expect(svar.contentType).toContain('application/problem+json');
    expect(svar.body.detail).toBe(
      '2050: bokslutets finansrader (skatteintäkter och generella statsbidrag) saknas; bokslutet räknas inte i balanskravet förrän de är inlagda.',
    );
    expect(await historiken(2050)).toBeUndefined();
    expect((await api.json<BalanskravOversikt>('/api/report/balanskrav?ar=2050')).status).toBe(200);
  });
});

describe('an imported year is taken as published', () => {
  it('a RUR movement on a year known only from the file is refused with 409 naming ar, and nothing is stored', async () => {
    expect((await importera(`${RUBRIK}\n2049;40 000 000;0;0;0;0;0;0;0\n`)).body.status).toBe('importerad');
    const fore = await utredningen(2049);
    expect(fore.kalla).toBe('historik');
    const svar = await api.json<Problem>('/api/report/balanskrav/2049/bokslut/justeringar', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        samtligaRealisationsvinsterOre: 0,
        realisationsvinsterUndantagOre: 0,
        realisationsforlusterUndantagOre: 0,
        orealiseradeForlusterOre: 0,
        aterforingOrealiseradeForlusterOre: 0,
        tillRurOre: -10 * MNKR,
        franRurOre: 0,
      }),
    });
    expect(svar.status).toBe(409);
    expect(svar.contentType).toContain('application/problem+json');
    expect(svar.body.errors).toEqual([{ field: 'ar', message: expect.stringMatching(/^2049 är ett importerat, publicerat år/) }]);
    expect(await utredningen(2049)).toEqual(fore);
    expect(
      (await api.json<BalanskravOversikt>('/api/report/balanskrav?ar=2049')).body.historik.find((rad) => rad.ar === 2049),
    ).toMatchObject({
      kalla: 'historik',
      tillRurOre: 0,
    });
  });
});

/**
 * The kontoplan's internal accounts and the account → row table are the whole city's. Changed here for a while, they
 * would reach the demo's årsredovisning 2025 if the demo loader fixed it meanwhile (its version 1 keeps the figures of
 * that moment), and rapportdokument.test.ts compares 2025's figures with the bokslut. So the tests that change them
 * wait until it is fixed, then hold the lock on the city's tables until they have put them back.
 */
async function lasEfterDemonsArsredovisning(): Promise<() => Promise<void>> {
  await eventually(
    () => api.json<{ version: number; status: string }[]>('/api/report/dokument/arsredovisning/2025/versioner'),
    (svar) => svar.status === 200 && svar.body.some((v) => v.version === 1 && v.status === 'faststalld'),
    180_000,
  );
  return lasStadensTabeller(stack.groupSuffix);
}

describe('which accounts are internal comes from the kontoplan', () => {
  type Interna = { intervall: InterntKontointervall[] } & Pick<Partial<Problem>, 'errors'>;
  const put = (path: string, body: unknown) =>
    api.json<Interna>(path, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const bokslutskolumn = async () => {
    const { body } = await api.json<Resultatrakning>('/api/report/resultatrakning?ar=2058');
    const k = body.kolumner.findIndex((kolumn) => kolumn.tillfalle === 'bokslut');
    return { kolumn: body.kolumner[k]!, rader: Object.fromEntries(body.rader.map((rad) => [rad.kod, rad.belopp[k]])) };
  };
  let fore: InterntKontointervall[];

  let slappLas: () => Promise<void>;

  beforeAll(async () => {
    slappLas = await lasEfterDemonsArsredovisning();
    fore = (await api.json<Interna>('/api/budget/konton/interna')).body.intervall;
  }, 500_000);
  afterAll(async () => {
    try {
      await put('/api/budget/konton/interna', { intervall: fore });
    } finally {
      await slappLas?.();
    }
  });

  it("the report service has the kontoplan's internal accounts from the budget service, not a default of its own", async () => {
    const { body } = await eventually(
      () => api.json<InternaKonton>('/api/report/resultatrakning/interna-konton'),
      (svar) => svar.body.kalla === 'kontoplan',
    );
    expect(body.interna).toEqual(fore);
    expect(fore).toContainEqual({ fran: 7950, till: 7999, namn: expect.stringContaining('Internränta') });
    const mappning = await api.json<ResultatradIntervall[]>('/api/report/resultatrakning/kontomappning');
    expect(mappning.body.every((rad) => !('intern' in rad))).toBe(true);
  });

  it('marking internal rents internal in the kontoplan eliminates them from the closed year, on both sides', async () => {
    const finansrader = [
      { rad: 'skatteintakter', beloppOre: 4 * MNKR, kalla: '' },
      { rad: 'generella-statsbidrag', beloppOre: 1 * MNKR, kalla: '' },
    ];
    expect(
      (
        await api.json('/api/report/finansrader/2058/bokslut', {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ rader: finansrader }),
        })
      ).status,
    ).toBe(200);
    await kafka.produce(
      bokslutFaststallt.topic,
      [
        bokslut(
          'SN',
          [
            { ansvar: A1, konto: 3110, kontogrupp: 'intakter', beloppOre: -1 * MNKR },
            { ansvar: A1, konto: 3630, kontogrupp: 'intakter', beloppOre: mnkr(-0.4) },
            { ansvar: A1, konto: 5010, kontogrupp: 'personalkostnader', beloppOre: 5 * MNKR },
            { ansvar: A2, konto: 6030, kontogrupp: 'lokalkostnader', beloppOre: mnkr(0.4) },
          ],
          { ar: 2058, antalNamnder: 1 },
        ),
      ].map((e) => ({ key: e.key, value: JSON.stringify(e) })),
    );
    await eventually(bokslutskolumn, (svar) => svar.kolumn.finns);
    expect((await bokslutskolumn()).kolumn.elimineratOre).toBe(0);
    expect((await bokslutskolumn()).rader['verksamhetens-intakter']).toBe(mnkr(1.4));

    const interna = [
      ...fore,
      { fran: 3630, till: 3639, namn: 'Interna hyresintäkter' },
      { fran: 6030, till: 6039, namn: 'Interna lokalhyror' },
    ];
    const satt = await put('/api/budget/konton/interna', { intervall: interna });
    expect(satt.status).toBe(200);
    expect(satt.body.intervall.map((rad) => rad.fran)).toEqual([3630, 6030, 7950]);
    const { kolumn, rader } = await eventually(bokslutskolumn, (svar) => svar.kolumn.elimineratOre > 0);
    expect(kolumn.elimineratOre).toBe(mnkr(0.8));
    expect(rader).toMatchObject({ 'verksamhetens-intakter': 1 * MNKR, 'verksamhetens-kostnader': -5 * MNKR });
  });

  it("moving a range in the account → row table moves the closed year's amounts to that row, and restoring the table moves them back", async () => {
    const tabell = (await api.json<ResultatradIntervall[]>('/api/report/resultatrakning/kontomappning')).body;
    const fore = await bokslutskolumn();
    // 3100–3199 (the bokslut's 1 mnkr on 3110) out of verksamhetens intäkter into finansiella intäkter.
    const flyttad = tabell.flatMap((rad) =>
      rad.fran <= 3110 && 3110 <= rad.till
        ? [
            { fran: rad.fran, till: 3099, rad: rad.rad },
            { fran: 3100, till: 3199, rad: 'finansiella-intakter' as const },
            { fran: 3200, till: rad.till, rad: rad.rad },
          ].filter((del) => del.fran <= del.till)
        : [rad],
    );
    try {
      const satt = await put('/api/report/resultatrakning/kontomappning', { intervall: flyttad });
      expect(satt.status).toBe(200);
      expect((await api.json<ResultatradIntervall[]>('/api/report/resultatrakning/kontomappning')).body).toContainEqual({
        fran: 3100,
        till: 3199,
        rad: 'finansiella-intakter',
      });
      const { rader } = await bokslutskolumn();
      expect(rader).toEqual({
        ...fore.rader,
        'verksamhetens-intakter': fore.rader['verksamhetens-intakter']! - 1 * MNKR,
        'verksamhetens-nettokostnader': fore.rader['verksamhetens-nettokostnader']! - 1 * MNKR,
        'verksamhetens-resultat': fore.rader['verksamhetens-resultat']! - 1 * MNKR,
        'finansiella-intakter': fore.rader['finansiella-intakter']! + 1 * MNKR,
      });
    } finally {
      expect((await put('/api/report/resultatrakning/kontomappning', { intervall: tabell })).status).toBe(200);
    }
    expect((await api.json<ResultatradIntervall[]>('/api/report/resultatrakning/kontomappning')).body).toEqual(tabell);
    expect((await bokslutskolumn()).rader).toEqual(fore.rader);
  });

  it.each([
    [
      'overlapping ranges in the kontoplan',
      '/api/budget/konton/interna',
      {
        intervall: [
          { fran: 3600, till: 3699, namn: 'a' },
          { fran: 3650, till: 3660, namn: 'b' },
        ],
      },
      422,
      'intervall',
    ],
    [
      'a range that ends before it starts',
      '/api/budget/konton/interna',
      { intervall: [{ fran: 3700, till: 3600, namn: 'a' }] },
      400,
      'intervall[0].till',
    ],
    ['a range without a name', '/api/budget/konton/interna', { intervall: [{ fran: 3600, till: 3699 }] }, 400, 'intervall[0].namn'],
    [
      'the row table still saying what is internal',
      '/api/report/resultatrakning/kontomappning',
      { intervall: [{ fran: 3000, till: 3999, rad: 'verksamhetens-intakter', intern: true }] },
      400,
      'intervall[0].intern',
    ],
  ])('%s is refused with a problem naming the field, and nothing is stored', async (_, path, body, status, falt) => {
    const internaFore = (await api.json<Interna>('/api/budget/konton/interna')).body;
    const mappningFore = (await api.json('/api/report/resultatrakning/kontomappning')).body;
    const svar = await put(path, body);
    expect(svar.status).toBe(status);
    expect(svar.contentType).toContain('application/problem+json');
    expect(svar.body.errors?.map((fel) => fel.field)).toContain(falt);
    expect((await api.json<Interna>('/api/budget/konton/interna')).body).toEqual(internaFore);
    expect((await api.json('/api/report/resultatrakning/kontomappning')).body).toEqual(mappningFore);
  });
});

describe("budget and forecasts eliminate internal transactions by each nämnd's share of them", () => {
  // VON pays internränta (a fifth of its cost in 2053's bokslut); FN lets premises to the other nämnder (seven
  // tenths of its revenue internal). 2054 has their budget and forecasts per ansvar; 2055 has a budget and nothing to
  // go by. Amounts in öre chosen so that every share has to be rounded.
  type Interna = { intervall: InterntKontointervall[] };
  const put = (path: string, body: unknown) =>
    api.json(path, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const [VON_1] = ansvarI('VON') as [string];
  const [FN_1] = ansvarI('FN') as [string];
  const kolumn = async (ar: number, tillfalle: string) => {
    const { body } = await api.json<Resultatrakning>(`/api/report/resultatrakning?ar=${ar}`);
    const k = body.kolumner.findIndex((rad) => rad.tillfalle === tillfalle);
    return { ...body.kolumner[k]!, rader: Object.fromEntries(body.rader.map((rad) => [rad.kod, rad.belopp[k]])) };
  };
  const budget = (ar: number, namnd: string, ansvar: string, rader: [KontogruppKod, number][]) =>
    envelope(
      verksamhetsbudgetUppdaterad,
      {
        ar,
        namnd,
        ansvar,
        kalla: 'standard' as const,
        versionId: `elim-${ar}`,
        rader: rader.map(([kontogrupp, beloppOre]) => ({ kontogrupp, manader: [beloppOre, ...Array.from({ length: 11 }, () => 0)] })),
      },
      'budget',
    );
  let fore: InterntKontointervall[];

  let slappLas: () => Promise<void>;

  beforeAll(async () => {
    slappLas = await lasEfterDemonsArsredovisning();
    fore = (await api.json<Interna>('/api/budget/konton/interna')).body.intervall;
    const interna = [
      { fran: 3630, till: 3639, namn: 'Interna hyresintäkter' },
      { fran: 6030, till: 6039, namn: 'Interna lokalhyror' },
      { fran: 7950, till: 7999, namn: 'Internränta' },
    ];
    expect((await put('/api/budget/konton/interna', { intervall: interna })).status).toBe(200);
    await eventually(
      () => api.json<InternaKonton>('/api/report/resultatrakning/interna-konton'),
      (svar) => svar.body.interna.length === 3,
    );
    await kafka.produce(
      bokslutFaststallt.topic,
      [
        bokslut(
          'VON',
          [
            { ansvar: VON_1, konto: 3110, kontogrupp: 'intakter', beloppOre: -1 * MNKR },
            { ansvar: VON_1, konto: 5010, kontogrupp: 'personalkostnader', beloppOre: 4 * MNKR },
            { ansvar: VON_1, konto: 7950, kontogrupp: 'kapitalkostnader', beloppOre: 1 * MNKR },
          ],
          { ar: 2053, antalNamnder: 2 },
        ),
        bokslut(
          'FN',
          [
            { ansvar: FN_1, konto: 3110, kontogrupp: 'intakter', beloppOre: mnkr(-0.3) },
            { ansvar: FN_1, konto: 3630, kontogrupp: 'intakter', beloppOre: mnkr(-0.7) },
            { ansvar: FN_1, konto: 5010, kontogrupp: 'personalkostnader', beloppOre: 2 * MNKR },
          ],
          { ar: 2053, antalNamnder: 2 },
        ),
      ].map((e) => ({ key: e.key, value: JSON.stringify(e) })),
    );
    await kafka.produce(
      verksamhetsbudgetUppdaterad.topic,
      [
        budget(2054, 'VON', VON_1, [
          ['intakter', 120_000_000],
          ['personalkostnader', 300_000_000],
          ['kapitalkostnader', 33_333_333],
        ]),
        budget(2054, 'FN', FN_1, [
          ['intakter', 111_111_111],
          ['personalkostnader', 50_000_000],
        ]),
        budget(2055, 'VON', VON_1, [['personalkostnader', 100_000_000]]),
      ].map((e) => ({ key: e.key, value: JSON.stringify(e) })),
    );
  }, 500_000);
  afterAll(async () => {
    try {
      await put('/api/budget/konton/interna', { intervall: fore });
    } finally {
      await slappLas?.();
    }
  });

  it("the budget column: each nämnd's internal part by its share in last year's bokslut, rounded to the öre, on both sides", async () => {
    const budgetkolumn = await eventually(
      () => kolumn(2054, 'budget'),
      (svar) => svar.eliminering.namnder.length === 2 && svar.eliminering.namnder.every((rad) => rad.underlagAr === 2053),
    );
    // VON: 333 333 333 öre × 1/5 = 66 666 666,6 → 66 666 667; FN: 111 111 111 × 7/10 = 77 777 777,7 → 77 777 778.
    expect(budgetkolumn.eliminering).toEqual({
      metod: 'andel',
      intakterOre: 77_777_778,
      kostnaderOre: 66_666_667,
      differensOre: -11_111_111,
      namnder: [
        { namnd: 'FN', intakterOre: 77_777_778, kostnaderOre: 0, underlag: 'bokslut', underlagAr: 2053 },
        { namnd: 'VON', intakterOre: 0, kostnaderOre: 66_666_667, underlag: 'bokslut', underlagAr: 2053 },
      ],
    });
    expect(budgetkolumn.elimineratOre).toBe(77_777_778 + 66_666_667);
    expect(budgetkolumn.rader).toMatchObject({
      'verksamhetens-intakter': 231_111_111 - 77_777_778,
      'verksamhetens-kostnader': -(383_333_333 - 66_666_667),
      // The two sides differ: the city's result is 11 111 111 öre worse than its parts' sum, and says so.
      'verksamhetens-nettokostnader': 231_111_111 - 383_333_333 - 11_111_111,
    });
  });

  it("the year's own utfall so far takes over from last year's bokslut once it says what was internal", async () => {
    await kafka.produce(
      utfallAnsvarUppdaterat.topic,
      [
        envelope(
          utfallAnsvarUppdaterat,
          {
            ar: 2054,
            ansvar: VON_1,
            importId: randomUUID(),
            manader: [
              {
                manad: 1,
                rader: [
                  { kontogrupp: 'personalkostnader' as const, beloppOre: 35_000_00, internOre: 0 },
                  { kontogrupp: 'kapitalkostnader' as const, beloppOre: 5_000_00, internOre: 5_000_00 },
                ],
              },
            ],
          },
          'budget',
        ),
      ].map((e) => ({ key: e.key, value: JSON.stringify(e) })),
    );
    const budgetkolumn = await eventually(
      () => kolumn(2054, 'budget'),
      (svar) => svar.eliminering.namnder.some((rad) => rad.underlag === 'utfall'),
    );
    // VON's utfall: 5 000 of 40 000 kr internal, an eighth: 333 333 333 / 8 = 41 666 666,625 → 41 666 667.
    expect(budgetkolumn.eliminering.namnder).toEqual([
      { namnd: 'FN', intakterOre: 77_777_778, kostnaderOre: 0, underlag: 'bokslut', underlagAr: 2053 },
      { namnd: 'VON', intakterOre: 0, kostnaderOre: 41_666_667, underlag: 'utfall', underlagAr: 2054 },
    ]);
    expect(budgetkolumn.eliminering.differensOre).toBe(41_666_667 - 77_777_778);
  });

  it("a round's column takes each counted forecast, with the same nämnd's share", async () => {
    // A round's forecast of skatteintäkter names the skatteunderlag forecast it builds on: without, 400 on the field.
    const utanKalla = await put('/api/report/finansrader/2054/april', {
      rader: [{ rad: 'skatteintakter', beloppOre: 5 * MNKR, kalla: ' ' }],
    });
    expect(utanKalla.status).toBe(400);
    expect((utanKalla.body as Problem).errors?.map((fel) => fel.field)).toEqual(['rader[0].kalla']);
    expect((await api.json<{ rader: unknown[] }>('/api/report/finansrader/2054/april')).body.rader).toEqual([]);
    expect(
      (
        await put('/api/report/finansrader/2054/april', {
          rader: [{ rad: 'skatteintakter', beloppOre: 5 * MNKR, kalla: 'SKR:s skatteunderlagsprognos 2054-04-24' }],
        })
      ).status,
    ).toBe(200);
    await kafka.produce(
      helarsprognosAndrad.topic,
      [
        envelope(
          helarsprognosAndrad,
          {
            prognosId: randomUUID(),
            ansvar: FN_1,
            ar: 2054,
            tillfalle: 'april' as const,
            version: 1,
            andring: 1,
            status: 'klarmarkerad' as const,
            rader: [
              { kontogrupp: 'intakter' as const, beloppOre: 100_000_001 },
              { kontogrupp: 'personalkostnader' as const, beloppOre: 50_000_000 },
            ],
            kommentar: null,
            beslutskommentar: null,
            andradAv: null,
            andradAt: new Date().toISOString(),
          },
          'forecast',
        ),
      ].map((e) => ({ key: e.key, value: JSON.stringify(e) })),
    );
    const april = await eventually(
      () => kolumn(2054, 'april'),
      (svar) => svar.eliminering.intakterOre !== 77_777_778 && svar.eliminering.intakterOre > 0,
    );
    // FN's forecast revenue 100 000 001 öre × 7/10 = 70 000 000,7 → 70 000 001; VON has no forecast: its budget counts.
    expect(april.eliminering).toMatchObject({ metod: 'andel', intakterOre: 70_000_001, kostnaderOre: 41_666_667 });
    expect(april.rader['verksamhetens-intakter']).toBe(120_000_000 + 100_000_001 - 70_000_001);
  });

  it('a year with no utfall and no bokslut to go by eliminates nothing, and says so', async () => {
    const budgetkolumn = await eventually(
      () => kolumn(2055, 'budget'),
      (svar) => svar.finns && svar.eliminering.namnder.length === 1,
    );
    expect(budgetkolumn.eliminering).toEqual({
      metod: 'inget',
      intakterOre: 0,
      kostnaderOre: 0,
      differensOre: 0,
      namnder: [{ namnd: 'VON', intakterOre: 0, kostnaderOre: 0, underlag: null, underlagAr: null }],
    });
    expect(budgetkolumn.rader['verksamhetens-kostnader']).toBe(-100_000_000);
  });
});

describe("the demo city's closed 2025", () => {
  it('has a bokslut whose årets resultat is a plausible 1–6 % of skatteintäkter, and that restores the rest of the 2023 deficit', async () => {
    // The demo loader enters the finance lines once the budget service's 2026 budget has settled: up to minutes.
    const { body } = await eventually(
      () => api.json<Resultatrakning>('/api/report/resultatrakning?ar=2025'),
      (svar) => svar.body.kolumner.find((kolumn) => kolumn.tillfalle === 'bokslut')?.finns === true,
      180_000,
    );
    const k = body.kolumner.findIndex((kolumn) => kolumn.tillfalle === 'bokslut');
    const belopp = (kod: string) => body.rader.find((rad) => rad.kod === kod)!.belopp[k]!;
    const andel = belopp('arets-resultat') / belopp('skatteintakter');
    expect(andel).toBeGreaterThanOrEqual(0.01);
    expect(andel).toBeLessThanOrEqual(0.06);

    // README: the 2023 deficit of 64,5 mnkr, 23,9 restored in 2024 and the remaining 40,6 by the closed 2025.
    const { body: oversikt } = await api.json<BalanskravOversikt>('/api/report/balanskrav?ar=2025');
    expect(oversikt.historik.find((rad) => rad.ar === 2025)).toMatchObject({
      kalla: 'bokslut',
      aretsResultatOre: belopp('arets-resultat'),
    });
    expect(oversikt.underskott.find((rad) => rad.ar === 2023)).toEqual({
      ar: 2023,
      underskottOre: mnkr(64.5),
      aterstalltOre: mnkr(64.5),
      kvarOre: 0,
      senastAr: 2026,
      aterstallningar: [
        { ar: 2024, beloppOre: mnkr(23.9) },
        { ar: 2025, beloppOre: mnkr(40.6) },
      ],
    });
  }, 200_000);
});
