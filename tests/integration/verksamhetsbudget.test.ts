import type { HelarsprognosUnderlag, Uppfoljning, VerksamhetsbudgetDto } from '@tertial/contracts/dto';
import type { EventEnvelope } from '@tertial/contracts/envelope';
import { verksamhetsbudgetUppdaterad, type VerksamhetsbudgetUppdateradPayload } from '@tertial/contracts/events';
import type { KafkaMessage } from 'kafkajs';
import { describe, expect, inject, it } from 'vitest';

import { apiClient } from '../support/api.js';
import { ansvarI } from '../support/demo.js';
import { testKafka } from '../support/kafka.js';
import { eventually } from '../support/services.js';
import { chefFor } from '../support/tokens.js';

const stack = inject('stack');
const api = apiClient(stack.gatewayUrl);
const kafka = testKafka(stack.kafkaBrokers);
const payload = (message: KafkaMessage) =>
  (JSON.parse(message.value!.toString()) as EventEnvelope<VerksamhetsbudgetUppdateradPayload>).payload;
const payloads = (messages: KafkaMessage[]) => messages.map(payload);
/** For readUntil: looks at each new message once (the topic holds the demo city's ~3,000 first ones). */
const senaste = (test: (p: VerksamhetsbudgetUppdateradPayload) => boolean) => (messages: KafkaMessage[]) => test(payload(messages.at(-1)!));

// Socialnämnden's ansvar: no other test changes SN's internbudget for 2026. A chef often has several ansvar; the
// neighbour is one with another chef.
const [, ANSVAR] = ansvarI('SN') as [string, string];
const GRANNE = ansvarI('SN').find((kod) => chefFor(kod) !== chefFor(ANSVAR))!;
const url = (ansvar: string) => `/api/budget/verksamhetsbudgetar/${ansvar}/2026`;
const kronor = (ore: number) => (ore / 100).toFixed(2);
const summa = (manader: readonly number[]) => manader.reduce((a, b) => a + b, 0);

const las = (ansvar: string, som: string | null = chefFor(ansvar)) => api.json<VerksamhetsbudgetDto>(url(ansvar), { som });
type Svar = VerksamhetsbudgetDto & { errors?: { field: string; message: string }[]; aktuell?: VerksamhetsbudgetDto; etag?: string };
/** A PUT over the version just read (its ETag as If-Match), or with the If-Match given (null: none). */
const spara = async (ansvar: string, body: unknown, som: string | null = chefFor(ansvar), ifMatch?: string | null) => {
  const villkor = ifMatch === undefined ? (await las(ansvar)).body.etag : ifMatch;
  return api.json<Svar>(url(ansvar), {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...(villkor === null ? {} : { 'if-match': villkor }) },
    body: JSON.stringify(body),
    som,
  });
};

describe('the chef’s verksamhetsbudget', () => {
  it('without one of the chef’s own, the internbudget is spread over the months and adds up per kontogrupp', async () => {
    const { status, body } = await las(GRANNE);
    expect(status).toBe(200);
    expect(body).toMatchObject({ ansvar: GRANNE, ar: 2026, namnd: 'SN', kalla: 'standard', periodisering: null, sparad: null });
    expect(body.internbudget.length).toBeGreaterThan(0);
    for (const rad of body.internbudget) {
      const spridd = body.rader.find((r) => r.kontogrupp === rad.kontogrupp)!;
      expect(spridd.manader).toHaveLength(12);
      expect(summa(spridd.manader)).toBe(rad.beloppOre);
    }
    // The demo city has no utfall for 2025, so the standard spread is even: no two months differ by more than an öre.
    const forsta = body.rader[0]!.manader;
    expect(Math.max(...forsta) - Math.min(...forsta)).toBeLessThanOrEqual(1);
  });

  it('the chef moves money between kontogrupper and months; saved, it applies and is published', async () => {
    const fore = (await las(ANSVAR)).body;
    const flytt = 10_000_00;
    // Take 10 000 kr from the first cost line into lokalkostnader (or back, if that is the first): same net cost.
    const kostnad = fore.internbudget.find((r) => r.kontogrupp !== 'intakter' && r.beloppOre > flytt)!;
    const rader = fore.internbudget.map((r) => ({
      kontogrupp: r.kontogrupp,
      belopp: kronor(r.kontogrupp === kostnad.kontogrupp ? r.beloppOre - flytt : r.beloppOre),
    }));
    const lokal = rader.find((r) => r.kontogrupp === 'lokalkostnader');
    if (lokal) lokal.belopp = kronor(Math.round(Number(lokal.belopp) * 100) + flytt);
    else rader.push({ kontogrupp: 'lokalkostnader', belopp: kronor(flytt) });

    const sparat = await spara(ANSVAR, { periodisering: 'jamnt', rader });
    expect(sparat.status).toBe(200);
    expect(sparat.body).toMatchObject({ kalla: 'chef', periodisering: 'jamnt', inaktuell: null });
    expect(sparat.body.sparad?.av.id).toBe(chefFor(ANSVAR));
    expect(summa(sparat.body.rader.find((r) => r.kontogrupp === 'lokalkostnader')!.manader)).toBeGreaterThanOrEqual(flytt);

    const handelser = await kafka.readUntil(
      verksamhetsbudgetUppdaterad.topic,
      senaste((p) => p.ansvar === ANSVAR && p.kalla === 'chef'),
      60_000,
    );
    const publicerad = payloads(handelser).find((p) => p.ansvar === ANSVAR && p.kalla === 'chef')!;
    expect(publicerad.rader).toEqual(sparat.body.rader);
  });

  it('by hand, twelve months per kontogrupp that add up', async () => {
    const fore = (await las(ANSVAR)).body;
    const rader = fore.internbudget.map((r) => {
      // Half of July's share moved to December: the holiday dip, the same year total.
      const manader = Array.from({ length: 12 }, (_, i) => Math.trunc(r.beloppOre / 12) + (i < r.beloppOre % 12 ? 1 : 0));
      const halvJuli = Math.trunc(manader[6]! / 2);
      manader[6] = manader[6]! - halvJuli;
      manader[11] = manader[11]! + halvJuli;
      return { kontogrupp: r.kontogrupp, manader: manader.map(kronor) };
    });
    const sparat = await spara(ANSVAR, { periodisering: 'manuellt', rader });
    expect(sparat.status).toBe(200);
    expect(sparat.body.periodisering).toBe('manuellt');
    const personal = sparat.body.rader[0]!.manader;
    expect(personal[6]!).toBeLessThan(personal[5]!);
  });

  it('no silent overwrite: a save must name the version it started from (428 without, 412 with an older one), and nothing is stored', async () => {
    const fore = await las(ANSVAR);
    expect(fore.headers.get('etag')).toBe(fore.body.etag);
    expect(fore.body.etag).toMatch(/^"vb-\d+"$/);
    const rader = fore.body.internbudget.map((r) => ({ kontogrupp: r.kontogrupp, belopp: kronor(r.beloppOre) }));

    const utan = await spara(ANSVAR, { periodisering: 'jamnt', rader }, chefFor(ANSVAR), null);
    expect(utan.status).toBe(428);
    expect(utan.contentType).toMatch(/application\/problem\+json/);
    expect(utan.body.errors?.map((e) => e.field)).toEqual(['If-Match']);
    expect((await spara(ANSVAR, { periodisering: 'jamnt', rader }, chefFor(ANSVAR), '*')).status).toBe(428);

    // The chef's save from the version read lands; a second tab still holding that version gets 412 with the current.
    const forsta = await spara(ANSVAR, { periodisering: 'foregaende-ar', rader }, chefFor(ANSVAR), fore.body.etag);
    expect(forsta.status).toBe(200);
    expect(forsta.headers.get('etag')).toBe(forsta.body.etag);
    expect(forsta.body.etag).not.toBe(fore.body.etag);
    const inaktuell = await spara(ANSVAR, { periodisering: 'jamnt', rader }, chefFor(ANSVAR), fore.body.etag);
    expect(inaktuell.status).toBe(412);
    expect(inaktuell.body.errors?.map((e) => e.field)).toEqual(['If-Match']);
    expect(inaktuell.body.aktuell).toEqual(forsta.body);
    expect(inaktuell.body.etag).toBe(forsta.body.etag);
    expect((await las(ANSVAR)).body).toEqual(forsta.body);

    // Two saves from the same version at once: exactly one lands.
    const samtidigt = await Promise.all(
      ['jamnt', 'foregaende-ar'].map((periodisering) => spara(ANSVAR, { periodisering, rader }, chefFor(ANSVAR), forsta.body.etag)),
    );
    expect(samtidigt.map((svar) => svar.status).sort()).toEqual([200, 412]);
    const vinnare = samtidigt.find((svar) => svar.status === 200)!;
    expect((await las(ANSVAR)).body).toEqual(vinnare.body);
  });

  it('one that does not add up to the internbudget is refused with the difference, and nothing is stored', async () => {
    const fore = (await las(ANSVAR)).body;
    const rader = fore.internbudget.map((r, i) => ({ kontogrupp: r.kontogrupp, belopp: kronor(r.beloppOre + (i === 0 ? 1 : 0)) }));
    const { status, body } = await spara(ANSVAR, { periodisering: 'jamnt', rader });
    expect(status).toBe(422);
    expect(body.errors?.[0]).toMatchObject({ field: 'rader' });
    expect(body.errors?.[0]?.message).toMatch(/skillnad på (−)?0,01 kr/);
    expect((await las(ANSVAR)).body).toEqual(fore);
  });

  it.each([
    { namn: 'an unknown periodisering', body: { periodisering: 'slumpvis', rader: [] }, falt: 'periodisering' },
    {
      namn: 'a negative amount',
      body: { periodisering: 'jamnt', rader: [{ kontogrupp: 'intakter', belopp: '-5' }] },
      falt: 'rader[0].belopp',
    },
    {
      namn: 'an unknown kontogrupp',
      body: { periodisering: 'jamnt', rader: [{ kontogrupp: 'godis', belopp: '5' }] },
      falt: 'rader[0].kontogrupp',
    },
    {
      namn: 'eleven months by hand',
      body: { periodisering: 'manuellt', rader: [{ kontogrupp: 'intakter', manader: Array.from({ length: 11 }, () => '1') }] },
      falt: 'rader[0].manader',
    },
    {
      namn: 'an amount that is not a number',
      body: { periodisering: 'jamnt', rader: [{ kontogrupp: 'intakter', belopp: 'mycket' }] },
      falt: 'rader[0].belopp',
    },
  ])('$namn is refused (400, the field named)', async ({ body, falt }) => {
    const fore = (await las(ANSVAR)).body;
    const svar = await spara(ANSVAR, body);
    expect(svar.status).toBe(400);
    expect(svar.contentType).toMatch(/application\/problem\+json/);
    expect(svar.body.errors?.map((e) => e.field)).toContain(falt);
    expect((await las(ANSVAR)).body).toEqual(fore);
  });

  it('only the ansvar’s own chef may save it; others in the organisation may read it as far as they see', async () => {
    const rader = (await las(ANSVAR)).body.internbudget.map((r) => ({ kontogrupp: r.kontogrupp, belopp: kronor(r.beloppOre) }));
    expect((await spara(ANSVAR, { periodisering: 'jamnt', rader }, chefFor(GRANNE))).status).toBe(403);
    expect((await spara(ANSVAR, { periodisering: 'jamnt', rader }, 'ekonom-sn')).status).toBe(403);
    expect((await las(ANSVAR, 'ekonom-sn')).status).toBe(200);
    expect((await las(ANSVAR, 'ekonom-von')).status).toBe(403);
    expect((await las(ANSVAR, 'ekonomidirektor')).status).toBe(200);
    expect((await las(ANSVAR, null)).status).toBe(401);
    expect((await las('99999', 'ekonom-sn')).status).toBe(403);
    expect((await api.json(url('99999'))).status).toBe(404);
  });

  it('every ansvar of a decided internbudget has a published verksamhetsbudget', async () => {
    const ansvar = ansvarI('SN');
    const sedda = new Set<string>();
    const handelser = await kafka.readUntil(
      verksamhetsbudgetUppdaterad.topic,
      senaste((p) => {
        sedda.add(p.ansvar);
        return ansvar.every((kod) => sedda.has(kod));
      }),
      60_000,
    );
    for (const sn of payloads(handelser).filter((p) => p.namnd === 'SN')) {
      expect(sn.rader.every((rad) => rad.manader.length === 12)).toBe(true);
    }
  });
});

describe('the standard verksamhetsbudget by last year’s pattern, from the utfall to the forecast and the roll-up', () => {
  // A year of its own: no other test decides a budget for 2063 or imports utfall for 2062.
  const AR = 2063;
  const [MONSTER, RAMP] = ansvarI('KN') as [string, string];
  const TKR = 1_000_00;
  // MONSTER's wages last year: a July at half and a December at one and a half (1 200 tkr in all); RAMP's grow each month.
  const juliDipp = [100, 100, 100, 100, 100, 100, 50, 100, 100, 100, 100, 150];
  const okande = Array.from({ length: 12 }, (_, i) => (i + 1) * 10);

  it('each kontogrupp follows its own ansvar’s months of last year, evenly where last year had none; the forecast’s proposal and the period’s budget come from those months', async () => {
    const csv = [
      'ar;manad;ansvar;konto;belopp',
      ...juliDipp.map((tkr, i) => `${AR - 1};${i + 1};${MONSTER};5010;${tkr * 1000},00`),
      ...okande.map((tkr, i) => `${AR - 1};${i + 1};${RAMP};5010;${tkr * 1000},00`),
    ].join('\n');
    const importerat = await api.json<{ status?: string }>('/api/budget/utfall/import?filnamn=monster-2062.csv', {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: `${csv}\n`,
    });
    expect(importerat.body.status, JSON.stringify(importerat.body)).toBe('importerad');

    const post = (adress: string, body: unknown) =>
      api.json(adress, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const kf = await post('/api/budget/budgetversioner', {
      typ: 'kf-beslut',
      ar: AR,
      namn: `KF:s budget ${AR}`,
      beslutad: `${AR - 1}-06-15`,
      ramar: [{ namnd: 'KN', belopp: '10000000' }],
    });
    expect(kf.status, JSON.stringify(kf.body)).toBe(201);
    const intern = await post('/api/budget/internbudgetar', {
      namnd: 'KN',
      ar: AR,
      namn: `Internbudget KN ${AR}`,
      beslutad: `${AR - 1}-11-20`,
      rader: [
        { ansvar: MONSTER, kontogrupp: 'personalkostnader', belopp: '2400000' },
        { ansvar: MONSTER, kontogrupp: 'intakter', belopp: '120000' },
        { ansvar: RAMP, kontogrupp: 'personalkostnader', belopp: '780000' },
      ],
    });
    expect(intern.status, JSON.stringify(intern.body)).toBe(201);

    const adress = (ansvar: string) => `/api/budget/verksamhetsbudgetar/${ansvar}/${AR}`;
    const monster = await eventually(
      () => api.json<VerksamhetsbudgetDto>(adress(MONSTER), { som: chefFor(MONSTER) }),
      (svar) => svar.body.internbudget?.length === 2,
      60_000,
    );
    expect(monster.status).toBe(200);
    expect(monster.body).toMatchObject({ kalla: 'standard', periodisering: null, sparad: null });
    const manader = (dto: VerksamhetsbudgetDto, kontogrupp: string) => dto.rader.find((r) => r.kontogrupp === kontogrupp)?.manader;
    // Twice last year's wages, month by month; the revenue, which last year had none of, evenly.
    expect(manader(monster.body, 'personalkostnader')).toEqual(juliDipp.map((tkr) => 2 * tkr * TKR));
    expect(manader(monster.body, 'intakter')).toEqual(Array.from({ length: 12 }, () => 10 * TKR));
    // 780 tkr over last year's 780 tkr: RAMP's own rising months, not MONSTER's.
    const ramp = (await api.json<VerksamhetsbudgetDto>(adress(RAMP), { som: chefFor(RAMP) })).body;
    expect(manader(ramp, 'personalkostnader')).toEqual(okande.map((tkr) => tkr * TKR));

    const publicerad = await kafka.readUntil(
      verksamhetsbudgetUppdaterad.topic,
      senaste((p) => p.ansvar === MONSTER && p.ar === AR && p.rader.length === 2),
      60_000,
    );
    expect(payloads(publicerad).findLast((p) => p.ansvar === MONSTER && p.ar === AR)!.rader).toEqual(monster.body.rader);

    // The April round: the chef's proposal is the utfall so far (none) plus May to December of those months.
    await api.oppnaOmgangar([AR], ['april']);
    const underlag = await eventually(
      () => api.json<HelarsprognosUnderlag>(`/api/forecast/helarsprognoser/${MONSTER}/${AR}/april/underlag`, { som: chefFor(MONSTER) }),
      (svar) => svar.body.rader?.find((r) => r.kontogrupp === 'personalkostnader')?.budgetOre === 2_400 * TKR,
      60_000,
    );
    const personal = underlag.body.rader.find((r) => r.kontogrupp === 'personalkostnader')!;
    expect(personal).toMatchObject({ budgetOre: 2_400 * TKR, utfallOre: 0, forslagOre: 2 * 800 * TKR });
    expect(underlag.body.rader.find((r) => r.kontogrupp === 'intakter')).toMatchObject({ budgetOre: 120 * TKR, forslagOre: 80 * TKR });

    // The roll-up: the year's budget net, and January to April of the months as the period's budget.
    const nod = await eventually(
      () => api.json<Uppfoljning>(`/api/report/uppfoljning/${AR}/april/noder/${MONSTER}`),
      (svar) => svar.body.nod?.budgetOre === 2_280 * TKR,
      60_000,
    );
    expect(nod.body.nod).toMatchObject({ budgetOre: 2_280 * TKR, periodbudgetOre: 2 * 400 * TKR - 4 * 10 * TKR, utfallOre: 0 });
  });
});
