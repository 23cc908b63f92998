// Goal attainment beside the money: the report service hears the goals service's mål, inriktningar and
// assessments as events from a real broker and answers each nämnd's mål and the city's traffic lights per follow-up.
import { randomUUID } from 'node:crypto';

import type {
  BedomningsforslagDto,
  InriktningDto,
  MalbedomningDto,
  MaluppfyllelseNamndDetalj,
  MaluppfyllelseOversikt,
  MalversionDto,
  Uppfoljning,
} from '@tertial/contracts/dto';
import type { EventDefinition, EventEnvelope } from '@tertial/contracts/envelope';
import { inriktningUppdaterad, malbedomningUppdaterad, malUppdaterat } from '@tertial/contracts/events';
import type { Problem } from '@tertial/contracts/problem';
import { beforeAll, describe, expect, inject, it } from 'vitest';

import { apiClient } from '../support/api.js';
import { testKafka } from '../support/kafka.js';
import { eventually } from '../support/services.js';

const stack = inject('stack');
const api = apiClient(stack.gatewayUrl);
const kafka = testKafka(stack.kafkaBrokers);

function envelope<T>(event: EventDefinition<T>, payload: T): EventEnvelope<T> {
  return {
    eventId: randomUUID(),
    type: event.type,
    schemaVersion: event.schemaVersion,
    occurredAt: new Date().toISOString(),
    producer: 'goals',
    correlationId: randomUUID(),
    key: event.keyOf(payload),
    payload,
  };
}

async function send<T>(event: EventDefinition<T>, ...envelopes: EventEnvelope<T>[]): Promise<void> {
  await kafka.produce(
    event.topic,
    envelopes.map((e) => ({ key: e.key, value: JSON.stringify(e) })),
  );
}

const person = { id: 'processledare-sn', namn: 'Sara Lindqvist' };
const kf = { datum: '2026-01-20', paragraf: 'KF § 7' };

function mal(id: string, namnd: string, text: string, andring: Partial<MalversionDto> = {}): MalversionDto {
  return {
    id,
    namnd,
    agartyp: namnd === 'HAMN' ? 'bolag' : 'namnd',
    ar: 2027,
    text,
    nyckeltal: [],
    professionellBedomning: true,
    status: 'aktivt',
    version: 1,
    beslut: kf,
    avslutat: null,
    andradAv: person,
    andradAt: '2026-01-21T09:00:00.000Z',
    handling: 'skapat',
    ...andring,
  };
}

const forslag = (bedomning: BedomningsforslagDto['bedomning']): BedomningsforslagDto => ({
  bedomning,
  sammanvagning: 'samsta',
  forklaring: 'Det sämsta av 1 mätt nyckeltal',
  perNyckeltal: [],
  regler: { delvisFranAndel: 0.5, ejMattUtanNyttVarde: true, sammanvagning: 'samsta' },
  beraknadAt: '2026-05-02T08:00:00.000Z',
});

function bedomning(malId: string, namnd: string, version: number, andring: Partial<MalbedomningDto> = {}): MalbedomningDto {
  return { malId, namnd, ar: 2026, tillfalle: 'april', forslag: forslag('delvis-uppfyllt'), beslut: null, version, ...andring };
}

const beslut = (b: NonNullable<MalbedomningDto['beslut']>['bedomning'], motivering: string | null = null) => ({
  bedomning: b,
  analys: 'Fler unga har fått feriejobb, men väntetiden till försörjningsstöd är kvar på förra årets nivå.',
  motivering,
  foljerForslaget: motivering === null,
  beslutadAv: person,
  beslutadAt: '2026-05-03T10:00:00.000Z',
});

const oversikt = (som = 'ekonomidirektor', tillfalle = 'april') =>
  api.json<MaluppfyllelseOversikt>(`/api/report/maluppfyllelse/2026/${tillfalle}`, { som });
const namnd = (kod: string, som = 'ekonomidirektor', tillfalle = 'april', ar = 2026) =>
  api.json<MaluppfyllelseNamndDetalj>(`/api/report/maluppfyllelse/${ar}/${tillfalle}/namnder/${kod}`, { som });

describe('goal attainment in the report service', () => {
  const forsta = randomUUID();
  const andra = randomUUID();
  const bolagets = randomUUID();
  const senare = randomUUID();

  beforeAll(async () => {
    const inriktning: InriktningDto = {
      id: randomUUID(),
      niva: 'namnd',
      namnd: 'SN',
      rubrik: `Egen försörjning ${forsta.slice(0, 8)}`,
      text: 'Fler ska kunna försörja sig själva.',
      mandatperiod: { franAr: 2027, tillAr: 2030 },
      nyckeltal: [],
      beslut: kf,
      version: 1,
      andradAv: person,
      andradAt: '2026-01-21T09:00:00.000Z',
    };
    await send(inriktningUppdaterad, envelope(inriktningUppdaterad, inriktning));
    await send(
      malUppdaterat,
      envelope(malUppdaterat, mal(forsta, 'SN', 'Fler unga i arbete')),
      envelope(
        malUppdaterat,
        mal(forsta, 'SN', 'Fler unga i arbete eller studier', { version: 2, handling: 'andrat', beslut: { datum: '2026-03-02' } }),
      ),
      envelope(malUppdaterat, mal(andra, 'SN', 'Kortare väntan på försörjningsstöd')),
      // KF decides this one after April: April's follow-up does not count it.
      envelope(malUppdaterat, mal(senare, 'SN', 'Fler i egen bostad', { beslut: { datum: '2026-06-10' } })),
    );
    await send(malUppdaterat, envelope(malUppdaterat, mal(bolagets, 'HAMN', 'Mindre utsläpp i hamnen')));
    await send(
      malbedomningUppdaterad,
      envelope(malbedomningUppdaterad, bedomning(forsta, 'SN', 1)),
      envelope(malbedomningUppdaterad, bedomning(forsta, 'SN', 2, { beslut: beslut('ej-uppfyllt', 'Ungdomsarbetslösheten steg i mars.') })),
      // A late redelivery of the first proposal: the decision stays.
      envelope(malbedomningUppdaterad, bedomning(forsta, 'SN', 1)),
      envelope(malbedomningUppdaterad, bedomning(andra, 'SN', 1, { forslag: forslag('uppfyllt') })),
    );
    await send(
      malbedomningUppdaterad,
      envelope(malbedomningUppdaterad, bedomning(bolagets, 'HAMN', 2, { forslag: forslag('ej-matt'), beslut: beslut('ej-matt') })),
    );
  });

  it('a nämnd’s mål carry their latest version and assessment: the proposal beside the decision, the analysis and the reason', async () => {
    const sn = await eventually(
      () => namnd('SN'),
      (svar) =>
        svar.status === 200 &&
        svar.body.mal.filter((m) => [forsta, andra].includes(m.id)).length === 2 &&
        svar.body.mal.find((m) => m.id === forsta)?.beslut !== null &&
        // Each mål's events are keyed by its id, so the second's proposal may come on another partition, later.
        svar.body.mal.find((m) => m.id === andra)?.forslag != null,
      60_000,
    );
    const forstaMalet = sn.body.mal.find((m) => m.id === forsta)!;
    expect(forstaMalet).toMatchObject({
      text: 'Fler unga i arbete eller studier',
      bedomning: 'ej-uppfyllt',
      forslag: { bedomning: 'delvis-uppfyllt' },
      beslut: { motivering: 'Ungdomsarbetslösheten steg i mars.', foljerForslaget: false },
    });
    expect(forstaMalet.beslut?.analys).toContain('feriejobb');
    expect(sn.body.mal.find((m) => m.id === andra)).toMatchObject({ bedomning: null, forslag: { bedomning: 'uppfyllt' }, beslut: null });
    expect(sn.body.mal.some((m) => m.id === senare)).toBe(false);
    // The inriktning is the one whose mandate period holds the year: 2027's is this test's, for 2027–2030.
    const ar2027 = await eventually(
      () => namnd('SN', 'ekonomidirektor', 'april', 2027),
      (svar) => svar.body.inriktning?.rubrik.endsWith(forsta.slice(0, 8)) === true,
    );
    expect(ar2027.body.inriktning).toMatchObject({
      text: 'Fler ska kunna försörja sig själva.',
      mandatperiod: { franAr: 2027, tillAr: 2030 },
    });
    expect(sn.body.inriktning?.rubrik.endsWith(forsta.slice(0, 8))).toBe(false);

    // The counts are the nämnd's mål: each decided color, and those still waiting for a decision.
    const egna = sn.body.mal;
    expect(sn.body.antal.totalt).toBe(egna.length);
    expect(sn.body.antal['ej-uppfyllt']).toBe(egna.filter((m) => m.bedomning === 'ej-uppfyllt').length);
    expect(sn.body.antal.ejBeslutade).toBe(egna.filter((m) => m.bedomning === null).length);
    expect(sn.body.antal['ej-uppfyllt']).toBeGreaterThanOrEqual(1);
    expect(sn.body.antal.ejBeslutade).toBeGreaterThanOrEqual(1);

    // In August KF's later mål counts too, with no assessment yet.
    const augusti = await namnd('SN', 'ekonomidirektor', 'augusti');
    expect(augusti.body.mal.find((m) => m.id === senare)).toMatchObject({ bedomning: null, forslag: null });
  });

  it('the city’s grid: every nämnd and bolag with its counts, the city their sum, and each nämnd’s forecast deviation from the roll-up', async () => {
    const svar = await eventually(
      () => oversikt(),
      (s) => s.status === 200 && (s.body.namnder.find((n) => n.kod === 'HAMN')?.antal['ej-matt'] ?? 0) >= 1,
      60_000,
    );
    const { stad, namnder } = svar.body;
    expect(namnder.find((n) => n.kod === 'HAMN')).toMatchObject({ namn: 'Helsingborgs Hamn AB', agartyp: 'bolag', ekonomi: null });
    expect(namnder.filter((n) => n.agartyp === 'namnd').length).toBeGreaterThan(5);
    for (const falt of ['uppfyllt', 'delvis-uppfyllt', 'ej-uppfyllt', 'ej-matt', 'ejBeslutade', 'totalt'] as const) {
      expect(stad?.[falt]).toBe(namnder.reduce((summa, n) => summa + n.antal[falt], 0));
    }
    expect(svar.body.senastUppdaterad).not.toBeNull();

    const rollup = await api.json<Uppfoljning>('/api/report/uppfoljning/2026/april/noder/SN');
    const sn = namnder.find((n) => n.kod === 'SN');
    if (rollup.status === 200) {
      expect(sn?.ekonomi).toEqual({
        budgetOre: rollup.body.nod.budgetOre,
        prognosOre: rollup.body.nod.prognosOre,
        avvikelseOre: rollup.body.nod.avvikelseOre,
        avvikelseAntalAnsvar: rollup.body.nod.avvikelseAntalAnsvar,
        antalAnsvar: rollup.body.nod.antalAnsvar,
      });
    } else {
      expect(sn?.ekonomi).toBeNull();
    }
    // Helår is no forecast round: the mål stand alone.
    expect((await oversikt('ekonomidirektor', 'helar')).body.namnder.every((n) => n.ekonomi === null)).toBe(true);
  });

  it('each person sees the nämnder of their part of the organisation and the bolag; only the ekonomidirektör the city', async () => {
    const processledare = await oversikt('processledare-sn');
    expect(processledare.status).toBe(200);
    expect(processledare.body.stad).toBeNull();
    expect(processledare.body.namnder.filter((n) => n.agartyp === 'namnd').map((n) => n.kod)).toEqual(['SN']);
    expect(processledare.body.namnder.some((n) => n.kod === 'HAMN')).toBe(true);
    expect((await namnd('SN', 'processledare-sn')).body.mal.some((m) => m.id === forsta)).toBe(true);

    const annan = await namnd('VON', 'processledare-sn');
    expect(annan.status).toBe(403);
    expect(annan.contentType).toContain('application/problem+json');
    // A chef sees their nämnd's mål, but not its money (the roll-up shows a chef only their own ansvar).
    const chef = await oversikt('avdelningschef-sn');
    expect(chef.body.namnder.find((n) => n.kod === 'SN')).toMatchObject({ ekonomi: null });
    expect((await api.json('/api/report/maluppfyllelse/2026/april', { som: 'kf-ledamot' })).status).toBe(403);
  });

  it('a follow-up that is not april, augusti or helår, or an unknown nämnd, is a problem naming the field', async () => {
    const fel = await api.json<Problem>('/api/report/maluppfyllelse/2026/maj');
    expect(fel.status).toBe(400);
    expect(fel.body.errors?.map((e) => e.field)).toEqual(['tillfalle']);
    const okand = await api.json<Problem>('/api/report/maluppfyllelse/2026/april/namnder/XYZ');
    expect(okand.status).toBe(404);
    expect(okand.body.errors?.map((e) => e.field)).toEqual(['kod']);
  });

  it('a malformed assessment goes to the dead-letter topic with its reason, and the next good one is still applied', async () => {
    const marker = randomUUID();
    const utanAnalys = envelope(malbedomningUppdaterad, bedomning(andra, 'SN', 5, { beslut: beslut('uppfyllt') }));
    (utanAnalys.payload as { tillfalle: string }).tillfalle = `maj-${marker}`;
    await kafka.produce(malbedomningUppdaterad.topic, [
      { key: andra, value: `inte json ${marker}` },
      { key: andra, value: JSON.stringify(utanAnalys) },
    ]);
    await send(
      malbedomningUppdaterad,
      envelope(malbedomningUppdaterad, bedomning(andra, 'SN', 6, { forslag: forslag('uppfyllt'), beslut: beslut('uppfyllt') })),
    );
    await eventually(
      () => namnd('SN'),
      (svar) => svar.body.mal.find((m) => m.id === andra)?.bedomning === 'uppfyllt',
    );

    const ours = (messages: { value: Buffer | null; headers?: Record<string, unknown> }[]) =>
      messages.filter((m) => m.value?.toString().includes(marker) && m.headers?.['x-dead-lettered-by']?.toString() === 'report');
    const deadLetters = ours(await kafka.readUntil(`${malbedomningUppdaterad.topic}.dlt`, (messages) => ours(messages).length >= 2));
    const reasons = deadLetters.map((m) => m.headers?.['x-dead-letter-reason']?.toString());
    expect(reasons).toEqual([expect.stringContaining('inte giltig JSON'), expect.stringContaining('tillfalle')]);
    expect(deadLetters[0]?.headers?.['x-original-topic']?.toString()).toBe(malbedomningUppdaterad.topic);
  });
});
