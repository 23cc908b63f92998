import type { ArsbokslutDto, InternbudgetDto, ResursfordelningDto, Uppfoljning } from '@tertial/contracts/dto';
import type { EventEnvelope } from '@tertial/contracts/envelope';
import {
  ansvarsbudgetUppdaterad,
  investeringsprojektUppdaterat,
  namndramUppdaterad,
  type AnsvarsbudgetUppdateradPayload,
} from '@tertial/contracts/events';
import type { OrganisationNode } from '@tertial/contracts/organisation';
import type { KafkaMessage } from 'kafkajs';
import { describe, expect, inject, it } from 'vitest';

import { apiClient } from '../support/api.js';
import { ALLA_ANSVAR, ansvarI } from '../support/demo.js';
import { eventually } from '../support/services.js';
import { testKafka } from '../support/kafka.js';

const stack = inject('stack');
const api = apiClient(stack.gatewayUrl);
const kafka = testKafka(stack.kafkaBrokers);
const payloads = (messages: KafkaMessage[]) =>
  messages.map((m) => (JSON.parse(m.value!.toString()) as EventEnvelope<Record<string, unknown>>).payload);

describe('the organisation', () => {
  it('a reorganisation takes effect from its date; the tree of an earlier date is kept', async () => {
    const [flyttas] = ansvarI('SN') as [string];
    const node = ALLA_ANSVAR.find((n) => n.kod === flyttas)!;
    const csv = `kod;namn;niva;foralder;chef_id;chef_namn;giltig_fran\n${flyttas};${node.namn};enhet;SN-A3;${node.chef!.anvandarId};${node.chef!.namn};2026-09-01\n`;
    const imported = await api.json<{ sparade: number }>('/api/budget/organisation/import', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: csv,
    });
    expect(imported).toMatchObject({ status: 200, body: { sparade: 1 } });
    const per = async (datum: string) =>
      (await api.json<OrganisationNode>(`/api/budget/organisation/${flyttas}?datum=${datum}`)).body.foralderKod;
    expect(await per('2026-08-31')).toBe(node.foralderKod);
    expect(await per('2026-09-01')).toBe('SN-A3');
  });

  it('the report rolls each round up in the tree valid at the end of its period', async () => {
    // A move from 1 June 2100 (a year no other test uses): april 2100 (to 30 April) has the ansvar under its old
    // parent, augusti 2100 (to 31 August) under the new one.
    // Not the first SN ansvar: the test above moves it from 2026-09-01.
    const node = ALLA_ANSVAR.find((n) => ansvarI('SN').slice(1).includes(n.kod) && n.foralderKod !== 'SN-A3')!;
    const csv = `kod;namn;niva;foralder;chef_id;chef_namn;giltig_fran\n${node.kod};${node.namn};enhet;SN-A3;${node.chef!.anvandarId};${node.chef!.namn};2100-06-01\n`;
    const imported = await api.json<{ sparade: number }>('/api/budget/organisation/import', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: csv,
    });
    expect(imported).toMatchObject({ status: 200, body: { sparade: 1 } });
    await api.oppnaOmgangar([2100], ['april', 'augusti']);
    const barnen = async (tillfalle: string, kod: string) => {
      const svar = await api.json<Uppfoljning>(`/api/report/uppfoljning/2100/${tillfalle}/noder/${kod}`);
      expect(svar.status, `${tillfalle} ${kod}: ${JSON.stringify(svar.body)}`).toBe(200);
      return svar.body.barn.map((barn) => barn.kod);
    };
    await eventually(
      () => barnen('augusti', 'SN-A3').catch(() => []),
      (koder) => koder.includes(node.kod),
      30_000,
    );
    expect(await barnen('augusti', node.foralderKod!)).not.toContain(node.kod);
    expect(await barnen('april', node.foralderKod!)).toContain(node.kod);
    expect(await barnen('april', 'SN-A3')).not.toContain(node.kod);
  });

  it('a CSV with a bad line is refused with its line number, and nothing is stored', async () => {
    const csv =
      'kod;namn;niva;foralder;chef_id;chef_namn;giltig_fran\n77777;Ny enhet;enhet;SN-A1;a.b;A B;2026-10-01\n77778;Trasig;kommun;SN-A1;;;2026-10-01\n';
    const { status, body } = await api.json<{ errors: { field: string }[] }>('/api/budget/organisation/import', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: csv,
    });
    expect(status).toBe(400);
    expect(body.errors[0]?.field).toBe('rad 3: niva');
    expect((await api.json(`/api/budget/organisation/77777?datum=2026-12-31`)).status).toBe(404);
  });

  it('a node under a parent that does not exist is refused, and nothing is stored', async () => {
    const csv = 'kod;namn;niva;foralder;chef_id;chef_namn;giltig_fran\n77779;Vilsen;enhet;FINNS-INTE;a.b;A B;2026-10-01\n';
    const { status } = await api.json('/api/budget/organisation/import', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: csv,
    });
    expect(status).toBe(422);
    expect((await api.json(`/api/budget/organisation/77779?datum=2026-12-31`)).status).toBe(404);
  });
});

describe('the budget', () => {
  it('explains a nämnd’s frame in seven steps whose changes add up to the proposed frame', async () => {
    const { status, body } = await api.json<ResursfordelningDto>('/api/budget/namnder/VON/resursfordelning?ar=2027');
    expect(status).toBe(200);
    expect(body.steg.map((s) => s.steg)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const forandringar = body.steg.filter((s) => s.typ === 'forandring').reduce((sum, s) => sum + s.beloppOre, 0);
    expect(body.steg[0]!.beloppOre + forandringar).toBe(body.steg[6]!.beloppOre);
  });

  it('lists the nämnder that have a resursfördelning for the year, within what the person sees', async () => {
    const alla = await api.json<{ ar: number; namnder: string[] }>('/api/budget/resursfordelningar?ar=2027');
    expect(alla).toMatchObject({ status: 200, body: { ar: 2027 } });
    expect(alla.body.namnder).toContain('VON');
    const sn = await api.json<{ namnder: string[] }>('/api/budget/resursfordelningar?ar=2027', { som: 'ekonom-sn' });
    expect(sn.body.namnder.every((namnd) => namnd === 'SN')).toBe(true);
    expect(sn.body.namnder).not.toContain('VON');
    expect((await api.json<{ namnder: string[] }>('/api/budget/resursfordelningar?ar=2001')).body.namnder).toEqual([]);
    const fel = await api.json<{ errors: { field: string }[] }>('/api/budget/resursfordelningar?ar=tjugo');
    expect(fel.status).toBe(400);
    expect(fel.body.errors[0]?.field).toBe('ar');
  });

  it('distributes a nämnd’s frame down its tree and shows what is not distributed', async () => {
    const { body } = await api.json<InternbudgetDto>('/api/budget/namnder/SN/internbudget?ar=2026');
    expect(body.ramOre).toBe(body.fordelatOre + body.ofordelatOre);
    expect(body.noder.filter((n) => n.niva === 'enhet')).toHaveLength(ansvarI('SN').length);
  });

  it('an internbudget that exceeds its frame is refused, and nothing is stored', async () => {
    const [ansvar] = ansvarI('MN') as [string];
    const before = await api.json<InternbudgetDto>('/api/budget/namnder/MN/internbudget?ar=2026');
    const { status, body } = await api.json<{ detail: string }>('/api/budget/internbudgetar', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        namnd: 'MN',
        ar: 2026,
        namn: 'För stor',
        beslutad: '2026-03-01',
        rader: [{ ansvar, kontogrupp: 'personalkostnader', belopp: '999999999' }],
      }),
    });
    expect(status).toBe(422);
    expect(body.detail).toMatch(/överskrider ramen/);
    expect((await api.json<InternbudgetDto>('/api/budget/namnder/MN/internbudget?ar=2026')).body).toEqual(before.body);
  });

  it('proposes each nämnd’s resultatöverföring: frame minus net utfall, carried in full', async () => {
    const { status, body } = await api.json<{
      namnder: { namnd: string; budgetOre: number; utfallOre: number; resultatOre: number; overforingOre: number }[];
    }>('/api/budget/resultatoverforing?ar=2026');
    expect(status).toBe(200);
    expect(body.namnder).toHaveLength(14);
    for (const namnd of body.namnder) {
      expect(namnd.resultatOre).toBe(namnd.budgetOre - namnd.utfallOre);
      expect(namnd.overforingOre).toBe(namnd.resultatOre);
    }
    // KF's frame of 1 300 mnkr, and what KF decided to carry over from the demo city's closed 2025.
    const arsbokslut = await api.json<ArsbokslutDto>('/api/budget/bokslut/2025');
    const overfort = arsbokslut.body.beslut!.namnder.find((n) => n.namnd === 'SN')!.beslutOre;
    expect(overfort).toBeLessThan(0);
    expect(body.namnder.find((n) => n.namnd === 'SN')?.budgetOre).toBe(1_300_000_000_00 + overfort);
  });

  it('a tilläggsbudget is kept beside KF’s decision and raises the nämnd’s current frame', async () => {
    const before = await api.json<InternbudgetDto>('/api/budget/namnder/KN/internbudget?ar=2026');
    const post = (body: unknown) =>
      api.json<{ errors?: { field: string }[] }>('/api/budget/budgetversioner', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const beslut = await post({
      typ: 'tillaggsbudget',
      ar: 2026,
      namn: 'Tilläggsbudget: bibliotek',
      beslutad: '2026-04-20',
      andringar: [{ namnd: 'KN', belopp: '2500000' }],
    });
    expect(beslut.status).toBe(201);
    const after = await api.json<InternbudgetDto>('/api/budget/namnder/KN/internbudget?ar=2026');
    expect(after.body.ramOre).toBe(before.body.ramOre + 250_000_000);
    expect(after.body.ofordelatOre).toBe(before.body.ofordelatOre + 250_000_000);
    const okand = await post({
      typ: 'tillaggsbudget',
      ar: 2026,
      namn: 'Fel',
      beslutad: '2026-04-21',
      andringar: [{ namnd: 'FINNS-INTE', belopp: '1' }],
    });
    expect(okand.status).toBe(422);
    expect(okand.body.errors?.[0]?.field).toBe('andringar[0].namnd');
  });

  it('a project over 3 mnkr without a motive is refused', async () => {
    const { status, body } = await api.json<{ errors: { field: string; message: string }[] }>('/api/budget/investeringar/TEST-1', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ namnd: 'SFN', namn: 'Ny skola Drottninghög', ar: [{ ar: 2027, budget: '42000000' }] }),
    });
    expect(status).toBe(422);
    expect(body.errors.map((e) => e.message).join(' ')).toMatch(/saknar motiv/);
    const plan = await api.json<{ projekt: { id: string }[] }>('/api/budget/investeringar?namnd=SFN');
    expect(plan.body.projekt.map((p) => p.id)).not.toContain('TEST-1');
  });
});

describe('budget events for the other services', () => {
  it('a tilläggsbudget publishes the nämnd’s whole new frame', async () => {
    const before = await api.json<InternbudgetDto>('/api/budget/namnder/MN/internbudget?ar=2026');
    const beslut = await api.json<{ id: string }>('/api/budget/budgetversioner', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        typ: 'tillaggsbudget',
        ar: 2026,
        namn: 'Tilläggsbudget: tillsyn',
        beslutad: '2026-05-11',
        andringar: [{ namnd: 'MN', belopp: '1000000,50' }],
      }),
    });
    expect(beslut.status).toBe(201);
    const messages = await kafka.readUntil(namndramUppdaterad.topic, (m) => payloads(m).some((p) => p.versionId === beslut.body.id));
    expect(payloads(messages).find((p) => p.versionId === beslut.body.id)).toEqual({
      ar: 2026,
      namnd: 'MN',
      ramOre: before.body.ramOre + 100_000_050,
      versionId: beslut.body.id,
    });
  });

  it('an internbudget publishes every ansvar of the nämnd, an empty budget for those it leaves out', async () => {
    const ansvar = ansvarI('OFN');
    const [forsta, andra] = ansvar as [string, string];
    const svar = await api.json('/api/budget/internbudgetar', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        namnd: 'OFN',
        ar: 2026,
        namn: 'Internbudget OFN, omfördelning',
        beslutad: '2026-06-01',
        rader: [
          { ansvar: forsta, kontogrupp: 'personalkostnader', belopp: '100000,25' },
          { ansvar: andra, kontogrupp: 'intakter', belopp: '5000' },
        ],
      }),
    });
    expect(svar.status, JSON.stringify(svar.body)).toBe(201);
    // Parsed once per message as it arrives: the topic also holds the demo city's thousands of budgets.
    const nya: AnsvarsbudgetUppdateradPayload[] = [];
    let versionId: string | undefined;
    let lasta = 0;
    await kafka.readUntil(
      ansvarsbudgetUppdaterad.topic,
      (m) => {
        for (; lasta < m.length; lasta++) {
          const p = (JSON.parse(m[lasta]!.value!.toString()) as EventEnvelope<AnsvarsbudgetUppdateradPayload>).payload;
          if (p.namnd !== 'OFN' || !p.versionId.startsWith('internbudget-OFN-2026-')) continue;
          if (p.rader.some((r) => r.beloppOre === 10_000_025)) versionId = p.versionId;
          nya.push(p);
        }
        return versionId !== undefined && nya.filter((p) => p.versionId === versionId).length === ansvar.length;
      },
      60_000,
    );
    nya.splice(0, nya.length, ...nya.filter((p) => p.versionId === versionId));
    expect(nya.map((p) => p.ansvar).sort()).toEqual([...ansvar].sort());
    expect(nya.find((p) => p.ansvar === forsta)!.rader).toEqual([{ kontogrupp: 'personalkostnader', beloppOre: 10_000_025 }]);
    expect(nya.find((p) => p.ansvar === andra)!.rader).toEqual([{ kontogrupp: 'intakter', beloppOre: 500_000 }]);
    expect(nya.filter((p) => p.rader.length === 0)).toHaveLength(ansvar.length - 2);
  });

  it('a stored investment project is published whole', async () => {
    const { status } = await api.json('/api/budget/investeringar/EVT-1', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ namnd: 'KN', namn: 'Ny läsesal', motiv: 'K', ar: [{ ar: 2027, budget: '4000000' }] }),
    });
    expect(status).toBe(200);
    const messages = await kafka.readUntil(investeringsprojektUppdaterat.topic, (m) => payloads(m).some((p) => p.id === 'EVT-1'));
    expect(payloads(messages).find((p) => p.id === 'EVT-1')).toMatchObject({
      namnd: 'KN',
      motiv: 'K',
      ar: [{ ar: 2027, budgetOre: 400_000_000 }],
    });
  });
});
