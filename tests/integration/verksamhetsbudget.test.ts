import type { VerksamhetsbudgetDto } from '@tertial/contracts/dto';
import type { EventEnvelope } from '@tertial/contracts/envelope';
import { verksamhetsbudgetUppdaterad, type VerksamhetsbudgetUppdateradPayload } from '@tertial/contracts/events';
import type { KafkaMessage } from 'kafkajs';
import { describe, expect, inject, it } from 'vitest';

import { apiClient } from '../support/api.js';
import { ansvarI } from '../support/demo.js';
import { testKafka } from '../support/kafka.js';
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
