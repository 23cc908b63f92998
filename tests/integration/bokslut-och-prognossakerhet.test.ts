import type { ArsbokslutDto, BokslutDto, PrognossakerhetDto, VersionsjamforelseDto } from '@tertial/contracts/dto';
import type { EventEnvelope } from '@tertial/contracts/envelope';
import {
  bokslutFaststallt,
  namndramUppdaterad,
  type BokslutFaststalltPayload,
  type NamndramUppdateradPayload,
} from '@tertial/contracts/events';
import type { KafkaMessage } from 'kafkajs';
import { describe, expect, inject, it } from 'vitest';

import { apiClient } from '../support/api.js';
import { ansvarI } from '../support/demo.js';
import { testKafka } from '../support/kafka.js';

const stack = inject('stack');
const api = apiClient(stack.gatewayUrl);
const kafka = testKafka(stack.kafkaBrokers);
const payload = <T>(m: KafkaMessage) => (JSON.parse(m.value!.toString()) as EventEnvelope<T>).payload;
const post = <T>(path: string, body: unknown) =>
  api.json<T & { title?: string; detail?: string; errors?: { field: string; message: string }[] }>(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const importera = (csv: string) =>
  api.json<{ status?: string; title?: string; detail?: string }>('/api/budget/utfall/import?filnamn=bokslutstest.csv', {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: csv,
  });
async function vanta<T>(hamta: () => Promise<T>, klart: (varde: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const slut = Date.now() + timeoutMs;
  for (;;) {
    const varde = await hamta();
    if (klart(varde) || Date.now() > slut) return varde;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

// A year of its own, far from the demo's and the other tests': frames for two nämnder, their utfall, a round.
const AR = 2046;
const [MN_A, MN_B] = ansvarI('MN') as [string, string];
const [KN_A] = ansvarI('KN') as [string];
const MNKR = 100_000_000;

describe('closing a year', () => {
  it('freezes the year, publishes each nämnd’s bokslut and measures the forecast against it', async () => {
    for (const [ar, beslutad, mn, kn] of [
      [AR, `${AR - 1}-06-14`, '45000000', '10000000'],
      [AR + 1, `${AR}-06-13`, '46000000', '10200000'],
    ] as const) {
      const kf = await post('/api/budget/budgetversioner', {
        typ: 'kf-beslut',
        ar,
        namn: `KF:s budget ${ar}`,
        beslutad,
        ramar: [
          { namnd: 'MN', belopp: mn },
          { namnd: 'KN', belopp: kn },
        ],
      });
      expect(kf.status, JSON.stringify(kf.body)).toBe(201);
    }

    // The April round: one MN forecast of 44 mnkr against the frame of 45 (+1 mnkr), closed.
    await api.oppnaOmgangar([AR], ['april']);
    const prognos = await api.lamnaPrognos({
      ansvar: MN_A,
      ar: AR,
      tillfalle: 'april',
      rader: [{ kontogrupp: 'personalkostnader', belopp: '44000000' }],
    });
    expect(prognos.status, JSON.stringify(prognos.body)).toBe(200);
    await vanta(
      () => api.json<{ namnder: { kod: string; nettokostnadOre: number }[] }>(`/api/report/prognos-totaler?ar=${AR}&tillfalle=april`),
      (svar) => svar.body.namnder?.find((n) => n.kod === 'MN')?.nettokostnadOre === 44 * MNKR,
    );
    expect((await post(`/api/forecast/omgangar/${AR}/april/stang`, {})).status).toBe(200);

    // Not yet closable: no December.
    const tidigt = await post<BokslutDto>('/api/budget/bokslut', { ar: AR });
    expect(tidigt.status).toBe(422);
    expect(tidigt.body.detail).toContain(`december ${AR}`);

    // The year's utfall: MN 40 + 4.6 mnkr of wages − 1 mnkr of fees = 43.6 mnkr; KN 10.5 mnkr.
    const csv = [
      'ar;manad;ansvar;konto;belopp',
      `${AR};1;${MN_A};5010;40000000,00`,
      `${AR};12;${MN_B};5010;4600000,00`,
      `${AR};12;${MN_A};3110;-1000000,00`,
      `${AR};12;${KN_A};5010;10500000,00`,
    ].join('\n');
    expect((await importera(`${csv}\n`)).body.status).toBe('importerad');

    const stangt = await post<BokslutDto>('/api/budget/bokslut', { ar: AR });
    expect(stangt.status, JSON.stringify(stangt.body)).toBe(201);
    expect(stangt.body).toMatchObject({
      ar: AR,
      antalNamnder: 2,
      nettokostnadOre: 5_410_000_000,
      namnder: [
        { namnd: 'KN', budgetOre: 10 * MNKR, nettokostnadOre: 1_050_000_000 },
        { namnd: 'MN', budgetOre: 45 * MNKR, nettokostnadOre: 4_360_000_000 },
      ],
    });

    // One event per nämnd, per ansvar and account in the ledger's sign, with its kontogrupp.
    const handelser = await kafka.readUntil(bokslutFaststallt.topic, (messages) => {
      const arets = messages.map((m) => payload<BokslutFaststalltPayload>(m)).filter((p) => p.ar === AR);
      return arets.length >= 2;
    });
    const mn = handelser.map((m) => payload<BokslutFaststalltPayload>(m)).find((p) => p.ar === AR && p.namnd === 'MN')!;
    expect(mn).toMatchObject({ antalNamnder: 2, nettokostnadOre: 4_360_000_000 });
    expect(mn.rader).toEqual(
      [
        { ansvar: MN_A, konto: 3110, kontogrupp: 'intakter', beloppOre: -1 * MNKR },
        { ansvar: MN_A, konto: 5010, kontogrupp: 'personalkostnader', beloppOre: 40 * MNKR },
        { ansvar: MN_B, konto: 5010, kontogrupp: 'personalkostnader', beloppOre: 460_000_000 },
      ].sort((a, b) => a.ansvar.localeCompare(b.ansvar) || a.konto - b.konto),
    );

    // Prognossäkerhet: April said +1 mnkr, the bokslut +1.4 mnkr: a prognosavvikelse of +0.4 mnkr, 0.9 % of 45 mnkr.
    const sakerhet = await vanta(
      () => api.json<PrognossakerhetDto>(`/api/report/prognossakerhet?ar=${AR}`),
      (svar) =>
        svar.body.bokslutFaststallt && svar.body.omgangar[0]?.namnder.some((n) => n.namnd === 'MN' && n.bokslutOre !== null) === true,
    );
    const april = sakerhet.body.omgangar.find((o) => o.tillfalle === 'april')!;
    expect(april.stangdAt).not.toBeNull();
    expect(april.namnder.find((n) => n.namnd === 'MN')).toEqual({
      namnd: 'MN',
      namn: 'Miljönämnden',
      prognosBudgetOre: 45 * MNKR,
      prognosOre: 44 * MNKR,
      prognosAvvikelseOre: 1 * MNKR,
      prognosAvvikelseProcent: 2.2,
      bokslutBudgetOre: 45 * MNKR,
      bokslutOre: 4_360_000_000,
      bokslutAvvikelseOre: 140_000_000,
      bokslutAvvikelseProcent: 3.1,
      prognosavvikelseOre: 40_000_000,
      prognosavvikelseProcent: 0.9,
    });
  });

  it('refuses to close a year twice, and an import into a closed year, storing nothing', async () => {
    const igen = await post('/api/budget/bokslut', { ar: AR });
    expect(igen.status).toBe(409);
    expect(igen.body.title).toBe('Året är redan stängt');
    expect(igen.body.errors).toEqual([{ field: 'ar', message: `${AR} är redan stängt` }]);

    const fore = await api.json<unknown>(`/api/budget/utfall/summor?ar=${AR}`);
    const sen = await importera(`ar;manad;ansvar;konto;belopp\n${AR};12;${MN_A};5010;99,00\n`);
    expect(sen.status).toBe(409);
    expect(sen.body.title).toBe('Året är stängt');
    expect(sen.body.detail).toContain(`Bokslutet för ${AR} är fastställt`);
    expect((await api.json<unknown>(`/api/budget/utfall/summor?ar=${AR}`)).body).toEqual(fore.body);
  });
});

describe('resultatöverföring', () => {
  it('proposes under the city’s rules; a decision naming an unknown nämnd is refused and nothing stored', async () => {
    const arsbokslut = await api.json<ArsbokslutDto>(`/api/budget/bokslut/${AR}`);
    expect(arsbokslut.status).toBe(200);
    expect(arsbokslut.body.forslag.namnder.map((n) => [n.namnd, n.resultatOre, n.overforingOre])).toEqual([
      ['KN', -50_000_000, -50_000_000],
      ['MN', 140_000_000, 140_000_000],
    ]);
    const okand = await post(`/api/budget/bokslut/${AR}/resultatoverforing`, {
      beslutad: `${AR + 1}-04-20`,
      namnder: [
        { namnd: 'MN', belopp: '1400000' },
        { namnd: 'XYZ', belopp: '100' },
      ],
    });
    expect(okand.status).toBe(422);
    expect(okand.body.errors).toEqual([{ field: 'namnder[1].namnd', message: 'okänd nämnd XYZ: den har inget resultat för året' }]);
    expect((await api.json<ArsbokslutDto>(`/api/budget/bokslut/${AR}`)).body.beslut).toBeNull();
  });

  it('KF’s decision goes into next year’s frames as a tilläggsbudget, with its events; a second decision is refused', async () => {
    const beslut = await post(`/api/budget/bokslut/${AR}/resultatoverforing`, {
      beslutad: `${AR + 1}-04-20`,
      namnder: [
        { namnd: 'MN', belopp: '1400000' },
        { namnd: 'KN', belopp: '-250000', motivering: 'Särskilda skäl: halva underskottet efter stormen.' },
      ],
    });
    expect(beslut.status, JSON.stringify(beslut.body)).toBe(201);
    const versioner = await api.json<VersionsjamforelseDto>(`/api/budget/budgetversioner?ar=${AR + 1}`);
    const kolumn = versioner.body.kolumner.find((k) => k.namn === `Resultatöverföring från ${AR}`)!;
    expect(kolumn).toMatchObject({ typ: 'tillaggsbudget', beslutad: `${AR + 1}-04-20` });
    expect(versioner.body.rader.find((r) => r.namnd === 'MN')?.gallandeRamOre).toBe(46 * MNKR + 140_000_000);
    expect(versioner.body.rader.find((r) => r.namnd === 'KN')?.gallandeRamOre).toBe(1_020_000_000 - 25_000_000);

    const ramar = await kafka.readUntil(namndramUppdaterad.topic, (messages) =>
      messages.some((m) => {
        const p = payload<NamndramUppdateradPayload>(m);
        return p.ar === AR + 1 && p.namnd === 'KN' && p.ramOre === 1_020_000_000 - 25_000_000;
      }),
    );
    expect(ramar.length).toBeGreaterThan(0);

    const igen = await post(`/api/budget/bokslut/${AR}/resultatoverforing`, {
      beslutad: `${AR + 1}-04-21`,
      namnder: [{ namnd: 'MN', belopp: '1' }],
    });
    expect(igen.status).toBe(409);
    expect(
      (await api.json<ArsbokslutDto>(`/api/budget/bokslut/${AR}`)).body.beslut?.namnder.map((n) => [n.namnd, n.forslagOre, n.beslutOre]),
    ).toEqual([
      ['MN', 140_000_000, 140_000_000],
      ['KN', -50_000_000, -25_000_000],
    ]);
  });
});

describe('the demo city’s closed 2025', () => {
  it('has its bokslut, a decided resultatöverföring and the April and August forecasts measured against it', async () => {
    const ar2025 = await api.json<ArsbokslutDto>('/api/budget/bokslut/2025');
    expect(ar2025.body.bokslut?.antalNamnder).toBe(14);
    expect(ar2025.body.beslut?.namnder).toHaveLength(14);
    const sakerhet = await vanta(
      () => api.json<PrognossakerhetDto>('/api/report/prognossakerhet?ar=2025'),
      (svar) => svar.body.omgangar.length === 2 && svar.body.omgangar.every((o) => o.namnder.length === 14),
    );
    expect(sakerhet.body.omgangar.map((o) => o.tillfalle)).toEqual(['april', 'augusti']);
    for (const omgang of sakerhet.body.omgangar) {
      for (const rad of omgang.namnder) {
        const bokslut = ar2025.body.bokslut!.namnder.find((n) => n.namnd === rad.namnd)!;
        expect(rad.bokslutOre).toBe(bokslut.nettokostnadOre);
        expect(rad.prognosavvikelseOre).toBe(rad.bokslutAvvikelseOre! - rad.prognosAvvikelseOre);
      }
    }
    // August's forecasts were closer to the bokslut than April's, for the city as a whole.
    const [april, augusti] = sakerhet.body.omgangar as [PrognossakerhetDto['omgangar'][number], PrognossakerhetDto['omgangar'][number]];
    expect(Math.abs(augusti.stad.prognosavvikelseOre!)).toBeLessThan(Math.abs(april.stad.prognosavvikelseOre!));
  });
});
