// The roll-up of a forecast round at every level of the organisation, over the whole demo city: the report
// service hears budget, utfall, rounds and forecasts as events and answers every node with its children.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

import type { MinaPaminnelser, PaminnelseSvar, Saknade, Uppfoljning, UppfoljningNod } from '@tertial/contracts/dto';
import type { EventEnvelope } from '@tertial/contracts/envelope';
import {
  verksamhetsbudgetUppdaterad,
  helarsprognosAndrad,
  prognosomgangAndrad,
  utfallAnsvarUppdaterat,
  type HelarsprognosAndradPayload,
} from '@tertial/contracts/events';
import { kontogruppTyp, type KontogruppKod } from '@tertial/contracts/kontogrupper';
import type { Problem } from '@tertial/contracts/problem';
import type { Prognosstatus, Prognostillfalle } from '@tertial/contracts/prognos';
import { hittaDemoAnvandare } from '@tertial/identity';
import { beforeAll, describe, expect, inject, it } from 'vitest';

import { apiClient } from '../support/api.js';
import { ALLA_ANSVAR, ansvarI, DEMO } from '../support/demo.js';
import { envelope, testKafka } from '../support/kafka.js';
import { eventually } from '../support/services.js';
import { chefFor, token } from '../support/tokens.js';

const stack = inject('stack');
const api = apiClient(stack.gatewayUrl);
const kafka = testKafka(stack.kafkaBrokers);

/** A year of the test's own: nothing else in the run publishes budget, utfall or forecasts for it. */
const AR = 2047;
const url = (tillfalle: Prognostillfalle, kod: string) => `/api/report/uppfoljning/${AR}/${tillfalle}/noder/${kod}`;

async function produce(topic: string, envelopes: readonly EventEnvelope[]): Promise<void> {
  for (let i = 0; i < envelopes.length; i += 1_000) {
    await kafka.produce(
      topic,
      envelopes.slice(i, i + 1_000).map((e) => ({ key: e.key, value: JSON.stringify(e) })),
    );
  }
}

const netto = (rader: readonly { kontogrupp: KontogruppKod; beloppOre: number }[]) =>
  rader.reduce((summa, rad) => summa + (kontogruppTyp(rad.kontogrupp) === 'intakt' ? -rad.beloppOre : rad.beloppOre), 0);

// ---- What the test publishes, per ansvar ---------------------------------------------------------------------

const NODER = new Map(DEMO.organisation.map((n) => [n.kod, n]));
const namndAv = new Map<string, string>();
for (const enhet of ALLA_ANSVAR) {
  let node = NODER.get(enhet.kod);
  while (node && node.niva !== 'namnd') node = node.foralderKod ? NODER.get(node.foralderKod) : undefined;
  if (node) namndAv.set(enhet.kod, node.kod);
}

const budgetRader = new Map<string, { kontogrupp: KontogruppKod; beloppOre: number }[]>();
for (const rad of DEMO.internbudget) {
  const rader = budgetRader.get(rad.ansvar) ?? [];
  const samma = rader.find((r) => r.kontogrupp === rad.kontogrupp);
  if (samma) samma.beloppOre += rad.beloppOre;
  else rader.push({ kontogrupp: rad.kontogrupp, beloppOre: rad.beloppOre });
  budgetRader.set(rad.ansvar, rader);
}

/** Each kontogrupp's year over the months, unevenly and with odd öre; December takes what makes the year exact. */
const manaderAv = (beloppOre: number): number[] => {
  const bas = Math.trunc(beloppOre / 12);
  const manader = Array.from({ length: 11 }, (_, m) => bas + (m % 3) - 1);
  return [...manader, beloppOre - manader.reduce((a, b) => a + b, 0)];
};
const verksamhetsbudget = (ansvar: string) =>
  (budgetRader.get(ansvar) ?? []).map((rad) => ({ kontogrupp: rad.kontogrupp, manader: manaderAv(rad.beloppOre) }));
/** The net cost of January to a month of the ansvar's verksamhetsbudget. */
const periodbudgetAv = (ansvar: string, tomManad: number) =>
  verksamhetsbudget(ansvar).reduce(
    (summa, rad) =>
      summa + (kontogruppTyp(rad.kontogrupp) === 'intakt' ? -1 : 1) * rad.manader.slice(0, tomManad).reduce((a, b) => a + b, 0),
    0,
  );

/**
 * Utfall for January to September for every fourth ansvar (the others have none: fewer events to wait for), odd öre
 * everywhere; September lies outside August's period.
 */
const harUtfall = (i: number) => i % 4 === 0;
const utfallManader = (i: number) =>
  Array.from({ length: harUtfall(i) ? 9 : 0 }, (_, m) => ({
    manad: m + 1,
    rader: [
      { kontogrupp: 'personalkostnader' as const, beloppOre: 1_000_000 + i * 37 + m * 101 },
      { kontogrupp: 'intakter' as const, beloppOre: 200_000 + ((i * 13 + m) % 997) },
    ],
  }));

const prognosRader = (i: number, varv: number) => [
  { kontogrupp: 'personalkostnader' as const, beloppOre: 12_000_000 + i * 101 + varv * 7 },
  { kontogrupp: 'intakter' as const, beloppOre: 2_400_000 + ((i * 17) % 1_013) },
];

const STATUSAR: readonly Prognosstatus[] = ['utkast', 'klarmarkerad', 'godkand', 'aterskickad'];
/** April: every third klarmarkerad, the next an utkast. June (a månadsprognos for SN): every other godkänd. August: every fifth not started. */
const aprilStatus = (i: number): Prognosstatus | null => (i % 3 === 0 ? 'klarmarkerad' : i % 3 === 1 ? 'utkast' : null);
const juniStatus = (i: number, ansvar: string): Prognosstatus | null => (namndAv.get(ansvar) === 'SN' && i % 2 === 0 ? 'godkand' : null);
const augustiStatus = (i: number): Prognosstatus | null => (i % 5 === 0 ? null : STATUSAR[i % 4]!);
const raknas = (status: Prognosstatus | null) => status === 'klarmarkerad' || status === 'godkand';

/**
 * The changes of one forecast up to its final state, in order: every tenth godkänd or återsänd one was klarmarkerad
 * (with other figures) first, so a later change must replace an earlier one; the others come as their final state.
 */
function andringar(
  ansvar: string,
  tillfalle: Prognostillfalle,
  status: Prognosstatus,
  rader: HelarsprognosAndradPayload['rader'],
  i: number,
) {
  const tvaSteg = (status === 'godkand' || status === 'aterskickad') && i % 10 < 4;
  const steg: Prognosstatus[] = tvaSteg ? ['klarmarkerad', status] : [status];
  return steg.map((s, index) =>
    envelope(
      helarsprognosAndrad,
      {
        prognosId: randomUUID(),
        ansvar,
        ar: AR,
        tillfalle,
        version: 1,
        andring: index + 1,
        status: s,
        rader: index < steg.length - 1 ? rader.map((r) => ({ ...r, beloppOre: r.beloppOre + 999 })) : rader,
        kommentar: null,
        beslutskommentar: s === 'aterskickad' ? 'Se över personalkostnaderna' : null,
        andradAv: { id: 'test', namn: 'Testet' },
        andradAt: new Date().toISOString(),
      },
      'forecast',
    ),
  );
}

type Siffror = Omit<UppfoljningNod, 'kod' | 'namn' | 'niva' | 'foralderKod' | 'chef'>;

/** What each ansvar's figures in August must be, computed from what was published. */
function forvantatAugusti(i: number, ansvar: string): Siffror {
  const budgetOre = netto(budgetRader.get(ansvar) ?? []);
  const periodbudgetOre = periodbudgetAv(ansvar, 8);
  const utfallOre = utfallManader(i)
    .filter((m) => m.manad <= 8)
    .reduce((summa, m) => summa + netto(m.rader), 0);
  const status = augustiStatus(i);
  const prognos = raknas(status) ? netto(prognosRader(i, 2)) : null;
  const foregaende = raknas(juniStatus(i, ansvar)) ? netto(prognosRader(i, 1)) : raknas(aprilStatus(i)) ? netto(prognosRader(i, 0)) : null;
  return {
    antalAnsvar: 1,
    antalIOmgangen: 1,
    budgetOre,
    periodbudgetOre,
    utfallOre,
    utfallAvvikelseOre: periodbudgetOre - utfallOre,
    prognosOre: prognos ?? 0,
    prognosAntalAnsvar: prognos === null ? 0 : 1,
    avvikelseOre: prognos === null ? 0 : budgetOre - prognos,
    avvikelseAntalAnsvar: prognos === null ? 0 : 1,
    forandringOre: prognos !== null && foregaende !== null ? prognos - foregaende : 0,
    forandringAntalAnsvar: prognos !== null && foregaende !== null ? 1 : 0,
    framsteg: {
      ejPaborjad: status === null ? 1 : 0,
      utkast: status === 'utkast' ? 1 : 0,
      klarmarkerade: status === 'klarmarkerad' ? 1 : 0,
      godkanda: status === 'godkand' ? 1 : 0,
      aterskickade: status === 'aterskickad' ? 1 : 0,
    },
  };
}

/** A node's figures and counts, without its name and place. */
const siffror = (nod: UppfoljningNod): Siffror =>
  Object.fromEntries(Object.keys(forvantatNoll()).map((falt) => [falt, nod[falt as keyof Siffror]])) as Siffror;

function summa(noder: readonly Siffror[]): Siffror {
  const noll = forvantatNoll();
  return noder.reduce<Siffror>((a, b) => {
    const sum = { ...a } as Record<string, unknown>;
    for (const [falt, varde] of Object.entries(b)) {
      if (typeof varde === 'number') sum[falt] = (a[falt as keyof Siffror] as number) + varde;
    }
    sum.framsteg = Object.fromEntries(Object.entries(a.framsteg).map(([k, v]) => [k, v + b.framsteg[k as keyof Siffror['framsteg']]]));
    return sum as Siffror;
  }, noll);
}

function forvantatNoll(): Siffror {
  return {
    antalAnsvar: 0,
    antalIOmgangen: 0,
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
    framsteg: { ejPaborjad: 0, utkast: 0, klarmarkerade: 0, godkanda: 0, aterskickade: 0 },
  };
}

const FORVANTAT = new Map(ALLA_ANSVAR.map((node, i) => [node.kod, forvantatAugusti(i, node.kod)]));
const STADEN = summa([...FORVANTAT.values()]);

async function hamta(tillfalle: Prognostillfalle, kod: string, som = 'ekonomidirektor') {
  return api.json<Uppfoljning>(url(tillfalle, kod), { som });
}

describe('the roll-up of a forecast round at every level, for every level', () => {
  beforeAll(async () => {
    const borjan = Date.now();
    const omgang = (tillfalle: Prognostillfalle, typ: 'ordinarie' | 'manadsprognos', utfallTomManad: number, namnder: string[] | null) =>
      envelope(
        prognosomgangAndrad,
        {
          ar: AR,
          tillfalle,
          typ,
          status: 'oppen' as const,
          deadline: `${AR}-09-15T16:00:00+02:00`,
          utfallTomManad,
          namnder,
          andring: 1,
          andradAt: new Date().toISOString(),
        },
        'forecast',
      );
    await produce(prognosomgangAndrad.topic, [
      omgang('april', 'ordinarie', 4, null),
      omgang('juni', 'manadsprognos', 6, ['SN']),
      omgang('augusti', 'ordinarie', 8, null),
    ]);
    await produce(
      verksamhetsbudgetUppdaterad.topic,
      ALLA_ANSVAR.map((node) =>
        envelope(
          verksamhetsbudgetUppdaterad,
          {
            ar: AR,
            namnd: namndAv.get(node.kod)!,
            ansvar: node.kod,
            kalla: 'standard' as const,
            versionId: `test-${AR}`,
            rader: verksamhetsbudget(node.kod),
          },
          'budget',
        ),
      ),
    );
    await produce(
      utfallAnsvarUppdaterat.topic,
      ALLA_ANSVAR.flatMap((node, i) =>
        harUtfall(i)
          ? [envelope(utfallAnsvarUppdaterat, { ar: AR, ansvar: node.kod, manader: utfallManader(i), importId: randomUUID() }, 'budget')]
          : [],
      ),
    );
    const fore = ALLA_ANSVAR.flatMap((node, i) => {
      const april = aprilStatus(i);
      const juni = juniStatus(i, node.kod);
      return [
        ...(april ? andringar(node.kod, 'april', april, prognosRader(i, 0), i) : []),
        ...(juni ? andringar(node.kod, 'juni', juni, prognosRader(i, 1), i) : []),
      ];
    });
    await produce(helarsprognosAndrad.topic, fore);

    // August's forecasts last, timed from the first one sent until the city's node shows every one of them.
    const augusti = ALLA_ANSVAR.flatMap((node, i) => {
      const status = augustiStatus(i);
      return status ? andringar(node.kod, 'augusti', status, prognosRader(i, 2), i) : [];
    });
    // What came before must be in first, or the time below would be theirs.
    const juniUtfall = ALLA_ANSVAR.reduce(
      (summa, _, i) =>
        summa +
        utfallManader(i)
          .filter((m) => m.manad <= 6)
          .reduce((s, m) => s + netto(m.rader), 0),
      0,
    );
    const antal = (villkor: (i: number, kod: string) => boolean) => ALLA_ANSVAR.filter((n, i) => villkor(i, n.kod)).length;
    await eventually(
      () => Promise.all([hamta('juni', 'stad'), hamta('april', 'stad')]),
      ([juni, april]) =>
        juni.status === 200 &&
        juni.body.nod.budgetOre === STADEN.budgetOre &&
        juni.body.nod.utfallOre === juniUtfall &&
        juni.body.nod.prognosAntalAnsvar === antal((i, kod) => juniStatus(i, kod) !== null) &&
        april.status === 200 &&
        april.body.nod.prognosAntalAnsvar === antal((i) => aprilStatus(i) === 'klarmarkerad') &&
        april.body.nod.framsteg.utkast === antal((i) => aprilStatus(i) === 'utkast'),
      600_000,
    );
    console.log(`uppföljning: budget, utfall, april och juni inne efter ${Date.now() - borjan} ms`);
    const start = Date.now();
    await produce(helarsprognosAndrad.topic, augusti);
    await eventually(
      () => hamta('augusti', 'stad'),
      (svar) =>
        svar.status === 200 &&
        JSON.stringify(siffror(svar.body.nod)) === JSON.stringify(STADEN) &&
        svar.body.nod.forandringAntalAnsvar === STADEN.forandringAntalAnsvar,
      600_000,
    );
    const synligEfterMs = Date.now() - start;
    console.log(
      `uppföljning: ${augusti.length} ändringar för ${ALLA_ANSVAR.length} ansvar synliga i stadens nod efter ${synligEfterMs} ms`,
    );
    // A round nobody opened is rolled up before it is refused: the time of one whole-city roll-up from the tables.
    const kall = Date.now();
    expect((await hamta('juli', 'stad')).status).toBe(404);
    const varm = Date.now();
    for (let n = 0; n < 10; n += 1) await hamta('augusti', 'SN-F');
    console.log(`uppföljning: en hel stads sammanräkning ${varm - kall} ms; en nod ur cachen ${(Date.now() - varm) / 10} ms`);
  }, 900_000);

  it('the city’s node holds the whole city: budget, the period’s utfall and budget, prognos, avvikelse, change and progress', async () => {
    const { status, body } = await hamta('augusti', 'stad');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      ar: AR,
      tillfalle: 'augusti',
      organisationDatum: `${AR}-08-31`,
      utfallTomManad: 8,
      omgang: { typ: 'ordinarie', status: 'oppen', utfallTomManad: 8, namnder: null },
      sokvag: [],
      nod: { kod: '1283', niva: 'stad', antalAnsvar: ALLA_ANSVAR.length },
    });
    expect(siffror(body.nod)).toEqual(STADEN);
    expect(body.barn.map((b) => b.niva)).toEqual(body.barn.map(() => 'namnd'));
    expect((await hamta('augusti', '1283')).body.nod).toEqual(body.nod);
  });

  it('every node of the whole demo city equals the sum of its children, to the öre, and every ansvar its own figures', async () => {
    const kvar = ['stad'];
    let besokta = 0;
    let ansvar = 0;
    while (kvar.length > 0) {
      const kod = kvar.shift()!;
      const { status, body } = await hamta('augusti', kod);
      expect(status).toBe(200);
      besokta += 1;
      expect(siffror(body.nod), `noden ${kod}`).toEqual(summa(body.barn.map(siffror)));
      for (const barn of body.barn) {
        if (barn.niva === 'enhet') {
          ansvar += 1;
          expect(siffror(barn), `ansvaret ${barn.kod}`).toEqual(FORVANTAT.get(barn.kod));
        } else kvar.push(barn.kod);
      }
    }
    expect(ansvar).toBe(ALLA_ANSVAR.length);
    expect(besokta).toBe(DEMO.organisation.filter((n) => n.niva !== 'enhet').length);
  });

  it('a månadsprognos covers its nämnder: progress counts only their ansvar, and its period runs to its month', async () => {
    const { status, body } = await hamta('juni', 'stad');
    expect(status).toBe(200);
    expect(body.nod).toMatchObject({ antalAnsvar: ALLA_ANSVAR.length, antalIOmgangen: ansvarI('SN').length });
    const sn = body.barn.find((b) => b.kod === 'SN')!;
    expect(sn.framsteg.godkanda + sn.framsteg.ejPaborjad).toBe(ansvarI('SN').length);
    expect(body.barn.find((b) => b.kod === 'KS')?.framsteg).toEqual({
      ejPaborjad: 0,
      utkast: 0,
      klarmarkerade: 0,
      godkanda: 0,
      aterskickade: 0,
    });
    const [forsta] = ALLA_ANSVAR;
    const juniUtfall = utfallManader(0)
      .filter((m) => m.manad <= 6)
      .reduce((s, m) => s + netto(m.rader), 0);
    const avdelning = await hamta('juni', forsta!.foralderKod!);
    expect(avdelning.body.barn.find((b) => b.kod === forsta!.kod)?.utfallOre).toBe(juniUtfall);
  });

  describe('each person sees the nodes their role and part of the tree allow', () => {
    // The second ansvar of SN: the organisation test moves the first to another avdelning.
    const [, SN_2] = ansvarI('SN') as [string, string];
    const snA1 = ALLA_ANSVAR.find((n) => n.kod === SN_2)!.foralderKod!;
    const annanChefsAnsvar = ansvarI('SN').find((kod) => chefFor(kod) !== chefFor(SN_2))!;

    it('the avdelningschef’s avdelning is the one the ansvar lies in', () => {
      expect(snA1).toBe('SN-A1');
    });

    it.each([
      ['the ekonomidirektör', 'ekonomidirektor', ['stad', 'SN', 'VON-F', SN_2], []],
      ['a förvaltningsekonom: their förvaltning and below', 'ekonom-sn', ['SN-F', snA1, SN_2], ['stad', 'SN', 'VON-F', 'VON']],
      ['a processledare: their nämnd', 'processledare-sn', ['SN', 'SN-F'], ['stad', 'VON']],
      ['an avdelningschef: their avdelning', 'avdelningschef-sn', [snA1, SN_2], ['SN-F', 'SN', 'stad']],
      ['a chef of ansvar: their own ansvar only', chefFor(SN_2), [SN_2], [snA1, 'SN-F', 'stad', annanChefsAnsvar]],
      ['a member of the council: nothing here', 'kf-ledamot', [], ['stad', 'SN']],
    ])('%s', async (_, som, synliga, dolda) => {
      for (const kod of synliga) {
        const svar = await hamta('augusti', kod, som);
        expect(svar.status, `${som} ser ${kod}`).toBe(200);
        expect(svar.body.nod.kod).toBe(kod === 'stad' ? '1283' : kod);
      }
      for (const kod of dolda) {
        const svar = await hamta('augusti', kod, som);
        expect(svar.status, `${som} ser inte ${kod}`).toBe(403);
        expect(svar.contentType).toMatch(/^application\/problem\+json/);
        expect((svar.body as unknown as Problem).errors).toBeUndefined();
      }
    });

    it('a chef’s node names the way up to the city, so the chef knows where it lies', async () => {
      const { body } = await hamta('augusti', SN_2, chefFor(SN_2));
      expect(body.sokvag.map((s) => s.niva)).toEqual(['stad', 'namnd', 'forvaltning', 'avdelning']);
      expect(body.barn).toEqual([]);
      expect(siffror(body.nod)).toEqual(FORVANTAT.get(SN_2));
    });
  });

  describe('bad input gets problem+json naming the field', () => {
    it.each([
      ['a year that is not a number', `/api/report/uppfoljning/tjugo/augusti/noder/stad`, 'ekonomidirektor', 400, 'ar'],
      ['a year out of range', `/api/report/uppfoljning/1999/augusti/noder/stad`, 'ekonomidirektor', 400, 'ar'],
      ['an unknown tillfälle', `/api/report/uppfoljning/${AR}/midsommar/noder/stad`, 'ekonomidirektor', 400, 'tillfalle'],
      ['a round nobody has opened', `/api/report/uppfoljning/${AR}/oktober/noder/stad`, 'ekonomidirektor', 404, 'tillfalle'],
      ['an unknown node, for the ekonomidirektör', url('augusti', 'XYZ-9'), 'ekonomidirektor', 404, 'kod'],
      // Refused like any node outside one's part of the tree: a refusal says nothing about what exists.
      ['an unknown node, for a förvaltningsekonom', url('augusti', 'XYZ-9'), 'ekonom-sn', 403, null],
      ['a code too long', url('augusti', 'X'.repeat(21)), 'ekonomidirektor', 400, 'kod'],
    ])('%s', async (_, path, som, status, falt) => {
      const svar = await api.json<Problem>(path, { som });
      expect(svar.status).toBe(status);
      expect(svar.contentType).toMatch(/^application\/problem\+json/);
      expect(svar.body.status).toBe(status);
      if (falt) expect(svar.body.errors?.map((e) => e.field)).toContain(falt);
    });
  });

  describe('the missing ansvar of a förvaltning, for reminders', () => {
    it('as JSON: every ansvar not started, in utkast or sent back, with its chef', async () => {
      const { status, body } = await api.json<Saknade>(`${url('augusti', 'SN-F')}/saknas`, { som: 'ekonom-sn' });
      expect(status).toBe(200);
      const forvantade = ansvarI('SN')
        .filter((kod) => {
          const f = FORVANTAT.get(kod)!.framsteg;
          return f.ejPaborjad + f.utkast + f.aterskickade > 0;
        })
        .sort();
      expect(body.saknade.map((s) => s.ansvar)).toEqual(forvantade);
      const chefer = new Map(ALLA_ANSVAR.map((n) => [n.kod, n.chef]));
      for (const saknad of body.saknade) {
        expect(saknad.chef).toEqual(chefer.get(saknad.ansvar));
        expect(saknad).toMatchObject({ forvaltning: { kod: 'SN-F' }, namnd: { kod: 'SN' } });
      }
    });

    it('as CSV for Excel, with Accept: text/csv or as saknas.csv: a byte order mark, semicolons and a header', async () => {
      const json = await api.json<Saknade>(`${url('augusti', 'SN-F')}/saknas`, { som: 'ekonom-sn' });
      const authorization = `Bearer ${await token('ekonom-sn')}`;
      for (const [path, accept] of [
        [`${url('augusti', 'SN-F')}/saknas`, 'text/csv'],
        [`${url('augusti', 'SN-F')}/saknas.csv`, '*/*'],
      ] as const) {
        const response = await fetch(`${stack.gatewayUrl}${path}`, { headers: { authorization, accept } });
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
        expect(response.headers.get('content-disposition')).toContain(`saknade-SN-F-${AR}-augusti.csv`);
        const bytes = new Uint8Array(await response.arrayBuffer());
        expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const rader = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes).split('\r\n');
        expect(rader[0]).toBe(
          'ansvar;ansvar_namn;status;chef_id;chef_namn;avdelning;avdelning_namn;forvaltning;forvaltning_namn;namnd;namnd_namn;senaste_paminnelse;paminnelse_av',
        );
        expect(rader.at(-1)).toBe('');
        expect(rader.length - 2).toBe(json.body.saknade.length);
        const forsta = json.body.saknade[0]!;
        expect(rader[1]?.split(';').slice(0, 5)).toEqual([
          forsta.ansvar,
          forsta.namn,
          forsta.status,
          forsta.chef!.anvandarId,
          forsta.chef!.namn,
        ]);
      }
    });

    it('outside one’s förvaltning the list is refused like the node', async () => {
      const svar = await api.json<Problem>(`${url('augusti', 'VON-F')}/saknas`, { som: 'ekonom-sn' });
      expect(svar.status).toBe(403);
    });
  });
  describe('reminders to the chefs of the missing ansvar', () => {
    const saknas = async () => (await api.json<Saknade>(`${url('augusti', 'SN-F')}/saknas`, { som: 'ekonom-sn' })).body.saknade;
    const paminn = (kod: string, body: unknown, som = 'ekonom-sn', tillfalle: Prognostillfalle = 'augusti') =>
      api.json<PaminnelseSvar & Partial<Problem>>(`${url(tillfalle, kod)}/paminnelser`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        som,
      });
    const mina = (chef: string) => api.json<MinaPaminnelser>(`/api/report/paminnelser?ar=${AR}&tillfalle=augusti`, { som: chef });

    it('the förvaltningsekonom reminds chosen chefs: the list says when and by whom, the chef sees it with its words, no one else does', async () => {
      const fore = await saknas();
      const [forsta, andra] = fore.filter((rad) => rad.chef !== null && rad.paminnad === null);
      // Another chef's missing ansvar: a chef may have several.
      const tredje = fore.find(
        (rad) =>
          rad.chef !== null && rad.paminnad === null && ![forsta, andra].some((valt) => valt?.chef?.anvandarId === rad.chef!.anvandarId),
      );
      expect(tredje).toBeDefined();
      const svar = await paminn('SN-F', {
        meddelande: '  Lämna prognosen senast fredag, tack!  ',
        ansvar: [forsta!.ansvar, andra!.ansvar, forsta!.ansvar],
      });
      expect(svar.status).toBe(201);
      expect(svar.body).toMatchObject({ ar: AR, tillfalle: 'augusti', kod: 'SN-F', utanChef: [] });
      expect(svar.body.skickade).toEqual([
        { ansvar: forsta!.ansvar, namn: forsta!.namn, chef: forsta!.chef },
        { ansvar: andra!.ansvar, namn: andra!.namn, chef: andra!.chef },
      ]);

      const efter = new Map((await saknas()).map((rad) => [rad.ansvar, rad.paminnad]));
      const avsandare = hittaDemoAnvandare('ekonom-sn')!.namn;
      expect(efter.get(forsta!.ansvar)).toEqual({ at: svar.body.skickadAt, av: avsandare });
      expect(efter.get(andra!.ansvar)).toEqual({ at: svar.body.skickadAt, av: avsandare });
      expect(efter.get(tredje!.ansvar)).toBeNull();

      const chefens = await mina(forsta!.chef!.anvandarId);
      expect(chefens.status).toBe(200);
      expect(chefens.body.paminnelser).toContainEqual({
        ansvar: forsta!.ansvar,
        meddelande: 'Lämna prognosen senast fredag, tack!',
        av: avsandare,
        at: svar.body.skickadAt,
      });
      const annan = await mina(tredje!.chef!.anvandarId);
      expect(annan.body.paminnelser.map((p) => p.ansvar)).not.toContain(forsta!.ansvar);
      expect(annan.body.paminnelser.map((p) => p.ansvar)).not.toContain(tredje!.ansvar);

      const csv = await fetch(`${stack.gatewayUrl}${url('augusti', 'SN-F')}/saknas.csv`, {
        headers: { authorization: `Bearer ${await token('ekonom-sn')}` },
      });
      const rad = (await csv.text()).split('\r\n').find((text) => text.startsWith(`${forsta!.ansvar};`));
      expect(rad?.split(';').slice(-2)).toEqual([svar.body.skickadAt, avsandare]);
    });

    it('without a list every missing ansvar below the node is reminded, those without a chef are named', async () => {
      const fore = await saknas();
      const svar = await paminn('SN-F', {});
      expect(svar.status).toBe(201);
      expect([...svar.body.skickade.map((s) => s.ansvar), ...svar.body.utanChef.map((s) => s.ansvar)].sort()).toEqual(
        fore.map((rad) => rad.ansvar).sort(),
      );
      expect(svar.body.utanChef.map((s) => s.ansvar)).toEqual(fore.filter((rad) => rad.chef === null).map((rad) => rad.ansvar));
      expect((await mina(svar.body.skickade[0]!.chef.anvandarId)).body.paminnelser[0]).toMatchObject({
        meddelande: null,
        at: svar.body.skickadAt,
      });
    });

    it('bad input is refused naming the field, and nothing is stored', async () => {
      const fore = await saknas();
      const klar = ansvarI('SN').find((kod) => FORVANTAT.get(kod)!.framsteg.klarmarkerade + FORVANTAT.get(kod)!.framsteg.godkanda > 0)!;
      const fall: [unknown, number, string][] = [
        [{ meddelande: 'x'.repeat(501) }, 400, 'meddelande'],
        [{ ansvar: [] }, 400, 'ansvar'],
        [{ ansvar: [fore[0]!.ansvar], okant: 1 }, 400, ''],
        [{ ansvar: [fore[0]!.ansvar, klar] }, 422, 'ansvar[1]'],
      ];
      for (const [body, status, falt] of fall) {
        const svar = await paminn('SN-F', body);
        expect(svar.status, JSON.stringify(body).slice(0, 80)).toBe(status);
        expect(svar.contentType).toContain('application/problem+json');
        if (falt) expect(svar.body.errors?.map((e) => e.field)).toContain(falt);
      }
      expect(await saknas()).toEqual(fore);
    });

    it('only the förvaltningsekonom and the ekonomidirektör remind, each in their part of the tree', async () => {
      expect((await paminn('SN-F', {}, chefFor(ansvarI('SN')[0]!))).status).toBe(403);
      expect((await paminn('SN-F', {}, 'revisor')).status).toBe(403);
      expect((await paminn('VON-F', {}, 'ekonom-sn')).status).toBe(403);
      expect((await paminn('VON-F', { meddelande: 'Påminnelse från ekonomidirektören' }, 'ekonomidirektor')).status).toBe(201);
    });

    it('a round that is closed reminds no one: 409 naming tillfalle', async () => {
      await produce(prognosomgangAndrad.topic, [
        envelope(
          prognosomgangAndrad,
          {
            ar: AR,
            tillfalle: 'oktober',
            typ: 'manadsprognos',
            status: 'stangd' as const,
            deadline: `${AR}-11-05T16:00:00+01:00`,
            utfallTomManad: 10,
            namnder: ['SN'],
            andring: 1,
            andradAt: new Date().toISOString(),
          },
          'forecast',
        ),
      ]);
      await eventually(
        () => hamta('oktober', 'SN-F'),
        (svar) => svar.status === 200 && svar.body.omgang?.status === 'stangd',
        60_000,
      );
      const svar = await paminn('SN-F', {}, 'ekonom-sn', 'oktober');
      expect(svar.status).toBe(409);
      expect(svar.body.errors?.map((e) => e.field)).toEqual(['tillfalle']);
    });
  });

  // Last: it changes the round the tests above read.
  it('the round’s stream says when its figures changed, lists the change only to those who see the ansvar, and the node then shows it', async () => {
    const i = ALLA_ANSVAR.findIndex((n, index) => namndAv.get(n.kod) === 'VON' && augustiStatus(index) === null);
    const ansvar = ALLA_ANSVAR[i]!;
    type Meddelande = { ar: number; lopnummer: number; andrade: { ansvar: string; andring: number }[] };
    // Server-sent events of one person, parsed, until `klar` says enough (or 30 s pass).
    const folj = async (som: string) => {
      const controller = new AbortController();
      const response = await fetch(`${stack.gatewayUrl}/api/report/uppfoljning/${AR}/augusti/stream`, {
        headers: { authorization: `Bearer ${await token(som)}`, accept: 'text/event-stream' },
        signal: controller.signal,
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const reader = response.body!.getReader();
      const meddelanden: Meddelande[] = [];
      let text = '';
      return {
        meddelanden,
        async tills(klar: (m: Meddelande) => boolean): Promise<Meddelande | undefined> {
          const slut = Date.now() + 30_000;
          while (Date.now() < slut) {
            const { value, done } = await Promise.race([
              reader.read(),
              sleep(slut - Date.now()).then(() => ({ value: undefined, done: true })),
            ]);
            if (done) return undefined;
            text += new TextDecoder().decode(value);
            for (let block = text.indexOf('\n\n'); block >= 0; block = text.indexOf('\n\n')) {
              const data = /^data: (.*)$/m.exec(text.slice(0, block))?.[1];
              text = text.slice(block + 2);
              if (!data) continue;
              const meddelande = JSON.parse(data) as Meddelande;
              meddelanden.push(meddelande);
              if (klar(meddelande)) return meddelande;
            }
          }
          return undefined;
        },
        stang: () => controller.abort(),
      };
    };
    const von = await folj('ekonom-von');
    const sn = await folj('ekonom-sn');
    try {
      await produce(helarsprognosAndrad.topic, andringar(ansvar.kod, 'augusti', 'klarmarkerad', prognosRader(i, 2), i));
      const listad = await von.tills((m) => m.andrade.some((a) => a.ansvar === ansvar.kod));
      expect(listad).toMatchObject({ ar: AR, andrade: expect.arrayContaining([{ ansvar: ansvar.kod, andring: 1 }]) });
      // Another förvaltning's ekonom hears that the round changed, with the same roll-up number, but not which ansvar.
      const sedd = await sn.tills((m) => m.lopnummer >= listad!.lopnummer);
      expect(sedd?.lopnummer).toBeGreaterThanOrEqual(listad!.lopnummer);
      expect(sn.meddelanden.flatMap((m) => m.andrade).map((a) => a.ansvar)).not.toContain(ansvar.kod);
      for (const m of [...von.meddelanden, ...sn.meddelanden])
        expect(Object.keys(m).sort()).toEqual(['andrade', 'ar', 'lopnummer', 'senastUppdaterad', 'tillfalle']);
    } finally {
      von.stang();
      sn.stang();
    }
    const avdelning = await eventually(
      () => hamta('augusti', ansvar.foralderKod!, 'ekonom-von'),
      (svar) => svar.body.barn.find((b) => b.kod === ansvar.kod)?.prognosAntalAnsvar === 1,
      30_000,
    );
    expect(avdelning.body.barn.find((b) => b.kod === ansvar.kod)).toMatchObject({
      prognosOre: netto(prognosRader(i, 2)),
      framsteg: { ejPaborjad: 0, klarmarkerade: 1 },
    });
    expect(siffror(avdelning.body.nod)).toEqual(summa(avdelning.body.barn.map(siffror)));
  });
});
