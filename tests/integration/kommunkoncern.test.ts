// The kommunkoncern on the real stack: a company's budget and forecast entered by its own ekonomichef (and refused
// for another company's), its SIE 4 file imported through the city's utfall import and mapped by BAS class, and
// the sammanställda räkenskaper with the intra-group amounts eliminated, to the öre.
import type { Bolagsprognos, Koncernoversikt, KoncerninterntBelopp, UtfallImportResultat } from '@tertial/contracts/dto';
import type { Problem } from '@tertial/contracts/problem';
import { beforeAll, describe, expect, inject, it } from 'vitest';

import { apiClient } from '../support/api.js';
import { eventually } from '../support/services.js';

const stack = inject('stack');
const api = apiClient(stack.gatewayUrl);
// A year of its own, so no other test's rounds or amounts are in it.
const AR = 2031;
const HEM = 'ekonomichef-hbghem';
const KRAFT = 'ekonomichef-okab';
const falt = (problem: Problem) => problem.errors?.map((fel) => fel.field) ?? [];
const put = (body: unknown) => ({ method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const prognos = {
  intakter: '1156000000.00',
  kostnader: '902000000.50',
  resultatEfterFinansiellaPoster: '124000000.25',
  investeringar: '820000000',
  kommentar: 'Eftersatt underhåll tidigareläggs.',
};

/** Helsingborgshem's ledger for January and February: one verifikation a month, balanced against the bank. */
function hemSie(konto3011 = '3011'): string {
  const manad = (m: number) => [
    `#VER A ${m} ${AR}0${m}28 "Månad ${m}"`,
    '{',
    `   #TRANS ${konto3011} {} -1000000.00`,
    '   #TRANS 5010 {} 300000.00',
    '   #TRANS 7010 {} 400000.00',
    '   #TRANS 8410 {} 50000.00',
    '   #TRANS 1110 {} 250000.00',
    '   #TRANS 8820 {} -100000.00',
    '   #TRANS 1930 {} 100000.00',
    '}',
  ];
  return [
    '#FLAGGA 0',
    '#PROGRAM "Ekonomisystem" 1.0',
    '#SIETYP 4',
    '#FNAMN "AB Helsingborgshem"',
    '#ORGNR 556030-1281',
    `#RAR 0 ${AR}0101 ${AR}1231`,
    '#KPTYP "BAS2014"',
    ...manad(1),
    ...manad(2),
    '',
  ].join('\n');
}

const importera = (text: string) =>
  api.json<UtfallImportResultat & Problem & { resultat?: UtfallImportResultat }>(`/api/budget/utfall/import?filnamn=hbghem-${AR}.se`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: text,
  });

describe('the kommunkoncern', () => {
  beforeAll(async () => {
    // April's round of the year is opened and closed: a company may no longer change its April forecast.
    const deadline = new Date(Date.now() + 7 * 24 * 3600_000).toISOString();
    const oppnad = await api.json('/api/forecast/omgangar', { ...put({ ar: AR, tillfalle: 'april', deadline }), method: 'POST' });
    expect(oppnad.status).toBe(200);
    expect((await api.json(`/api/forecast/omgangar/${AR}/april/stang`, { method: 'POST' })).status).toBe(200);
  });

  it('a company’s ekonomichef enters its budget and forecast; another company’s ekonomichef and bad input are refused, nothing stored', async () => {
    const budget = await api.json(`/api/budget/bolag/HBGHEM/budget/${AR}`, { ...put({ ...prognos, kommentar: 'Affärsplan' }), som: HEM });
    expect(budget).toMatchObject({ status: 200, body: { bolag: 'HBGHEM', ar: AR, intakterOre: 1_156_000_000_00, version: 1 } });

    const sparad = await api.json<Bolagsprognos>(`/api/forecast/bolagsprognoser/HBGHEM/${AR}/augusti`, { ...put(prognos), som: HEM });
    expect(sparad).toMatchObject({
      status: 200,
      body: {
        bolag: 'HBGHEM',
        tillfalle: 'augusti',
        intakterOre: 1_156_000_000_00,
        kostnaderOre: 902_000_000_50,
        resultatEfterFinansiellaPosterOre: 124_000_000_25,
        investeringarOre: 820_000_000_00,
        version: 1,
        andradAv: 'Erik Sandberg',
      },
    });

    // Öresundskraft's ekonomichef may not touch Helsingborgshem's figures; the ekonomidirektör does not forecast for a company.
    const andras = await api.json<Problem>(`/api/forecast/bolagsprognoser/HBGHEM/${AR}/augusti`, {
      ...put({ ...prognos, intakter: '1' }),
      som: KRAFT,
    });
    expect(andras.status).toBe(403);
    expect((await api.json(`/api/budget/bolag/HBGHEM/budget/${AR}`, { ...put(prognos), som: KRAFT })).status).toBe(403);
    expect((await api.json(`/api/forecast/bolagsprognoser/HBGHEM/${AR}/augusti`, { ...put(prognos), som: 'ekonomidirektor' })).status).toBe(
      403,
    );

    const utanKommentar = await api.json<Problem>(`/api/forecast/bolagsprognoser/HBGHEM/${AR}/augusti`, {
      ...put({ ...prognos, intakter: 'mycket', kommentar: '' }),
      som: HEM,
    });
    expect(utanKommentar.status).toBe(400);
    expect(utanKommentar.contentType).toContain('application/problem+json');
    expect(falt(utanKommentar.body)).toEqual(expect.arrayContaining(['intakter', 'kommentar']));
    expect((await api.json<Problem>(`/api/forecast/bolagsprognoser/HBGHEM/${AR}/maj`, { ...put(prognos), som: HEM })).body).toMatchObject({
      status: 422,
      errors: [{ field: 'tillfalle' }],
    });
    const stangd = await api.json<Problem>(`/api/forecast/bolagsprognoser/HBGHEM/${AR}/april`, { ...put(prognos), som: HEM });
    expect(stangd).toMatchObject({ status: 409, body: { title: 'Omgången är stängd', errors: [{ field: 'tillfalle' }] } });
    expect((await api.json(`/api/forecast/bolagsprognoser/OKAB/${AR}/augusti`, { ...put(prognos), som: HEM })).status).toBe(403);

    // Only the one good save is there: version 1 of August, as entered.
    const lista = await api.json<Bolagsprognos[]>(`/api/forecast/bolagsprognoser?ar=${AR}`);
    expect(lista.body.map((p) => [p.bolag, p.tillfalle, p.version, p.intakterOre])).toEqual([['HBGHEM', 'augusti', 1, 1_156_000_000_00]]);
    // Each ekonomichef reads their own company's only.
    expect((await api.json<Bolagsprognos[]>(`/api/forecast/bolagsprognoser?ar=${AR}`, { som: KRAFT })).body).toEqual([]);
  });

  it('imports a company’s SIE file through the utfall import, known by its #ORGNR and mapped by BAS class; a bad file stores nothing', async () => {
    const fel = await importera(hemSie('30110'));
    expect(fel.status).toBe(422);
    expect(fel.body.errors).toEqual([
      expect.objectContaining({ message: expect.stringContaining('kontot 30110 är inte ett fyrsiffrigt BAS-konto') }),
    ]);

    const svar = await importera(hemSie());
    expect(svar.status).toBe(200);
    expect(svar.body).toMatchObject({ status: 'importerad', bolag: { kod: 'HBGHEM', namn: 'AB Helsingborgshem' } });

    // January and February: 2 × (1 000 000 − 300 000 − 400 000 − 50 000) = 500 000 kr; the koncernbidrag on 8820 lies below the line.
    const oversikt = await eventually(
      () => api.json<Koncernoversikt>(`/api/report/koncern/${AR}/augusti`),
      (svar) =>
        svar.body.bolag?.find((b) => b.kod === 'HBGHEM')?.utfallOre !== null &&
        svar.body.bolag?.find((b) => b.kod === 'HBGHEM')?.bolag?.prognos != null,
    );
    const hem = oversikt.body.bolag.find((b) => b.kod === 'HBGHEM')!;
    expect(hem.bolag?.utfall).toEqual({
      intakterOre: 2_000_000_00,
      kostnaderOre: 1_400_000_00,
      resultatEfterFinansiellaPosterOre: 500_000_00,
      investeringarOre: 500_000_00,
      tillManad: 2,
    });
    expect(hem).toMatchObject({ budgetOre: 124_000_000_25, prognosOre: 124_000_000_25, avvikelseOre: 0, utfallOre: 500_000_00 });
  });

  it('eliminates the intra-group amounts in the sammanställda räkenskaper, and refuses a bad file of them with nothing stored', async () => {
    const hyra = await api.json<KoncerninterntBelopp>('/api/report/koncern/interna', {
      ...put({ ar: AR, saljare: 'HBGHEM', kopare: 'KOMMUN', slag: 'hyra', belopp: '142 500 000,50' }),
    });
    expect(hyra).toMatchObject({ status: 200, body: { beloppOre: 142_500_000_50 } });
    const sjalv = await api.json<Problem>('/api/report/koncern/interna', {
      ...put({ ar: AR, saljare: 'OKAB', kopare: 'OKAB', slag: 'energi', belopp: '1' }),
    });
    expect(sjalv).toMatchObject({ status: 400, body: { errors: [{ field: 'kopare' }] } });
    const dalig = await api.json<Problem>('/api/report/koncern/interna/import', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: `ar;saljare;kopare;slag;belopp\n${AR};OKAB;KOMMUN;energi;mycket\n`,
    });
    expect(dalig).toMatchObject({ status: 422, body: { errors: [{ field: 'rad 2: belopp' }] } });
    expect((await api.json<KoncerninterntBelopp[]>(`/api/report/koncern/interna?ar=${AR}`)).body.map((p) => p.id)).toEqual([
      `${AR}-HBGHEM-KOMMUN-hyra`,
    ]);

    const { body } = await api.json<Koncernoversikt>(`/api/report/koncern/${AR}/augusti`);
    const rad = (nyckel: string) => body.sammanstallning.rader.find((r) => r.rad === nyckel)!;
    const del = (nyckel: string, d: string) => rad(nyckel).delar.find((x) => x.del === d)!.beloppOre;
    expect(del('verksamhetens-intakter', 'HBGHEM')).toBe(1_156_000_000_00);
    expect(del('verksamhetens-kostnader', 'HBGHEM')).toBe(-902_000_000_50);
    expect(del('finansnetto', 'HBGHEM')).toBe(124_000_000_25 - 1_156_000_000_00 + 902_000_000_50);
    expect(rad('verksamhetens-intakter').eliminering).toBe(-142_500_000_50);
    expect(rad('verksamhetens-kostnader').eliminering).toBe(142_500_000_50);
    expect(rad('verksamhetens-intakter').sammanstallt).toBe(rad('verksamhetens-intakter').fore - 142_500_000_50);
    expect(rad('resultat-efter-finansiella-poster')).toMatchObject({ eliminering: 0 });
    expect(rad('resultat-efter-finansiella-poster').sammanstallt).toBe(rad('resultat-efter-finansiella-poster').fore);
    expect(body.sammanstallning.elimineringar).toEqual([
      {
        ar: AR,
        saljare: 'HBGHEM',
        kopare: 'KOMMUN',
        slag: 'hyra',
        beloppOre: 142_500_000_50,
        paverkan: [
          { rad: 'verksamhetens-intakter', del: 'HBGHEM', beloppOre: -142_500_000_50 },
          { rad: 'verksamhetens-kostnader', del: 'KOMMUN', beloppOre: 142_500_000_50 },
        ],
      },
    ]);
    expect(body.sammanstallning.saknas).toEqual([
      'Helsingborgs Stadshus AB',
      'Helsingborgs Hamn AB',
      'Öresundskraft AB',
      'Helsingborg Arena och Scen AB',
    ]);
  });
});
