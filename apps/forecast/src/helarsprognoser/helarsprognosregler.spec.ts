import { sparaHelarsprognosRequestSchema } from '@tertial/contracts/dto';
import type { Prognosframsteg } from '@tertial/contracts/prognos';
import { describe, expect, it } from 'vitest';

import {
  beslutskommentarSaknas,
  etag,
  foregaendeOmgangensPrognos,
  hinderForAktor,
  hinderForOvergang,
  kommentarKravsMenSaknas,
  nastaAndring,
  nastaVersion,
  passerarTroskel,
  prognosrader,
  provaIfMatch,
  STANDARDTROSKEL,
  statusEfter,
  type Aktor,
  type Handling,
} from './helarsprognosregler.js';

const CHEF: Aktor = { arChef: true, arForvaltningsekonom: false, arEkonomidirektor: false };
const EKONOM: Aktor = { arChef: false, arForvaltningsekonom: true, arEkonomidirektor: false };
const DIREKTOR: Aktor = { arChef: false, arForvaltningsekonom: false, arEkonomidirektor: true };
const INGEN: Aktor = { arChef: false, arForvaltningsekonom: false, arEkonomidirektor: false };

describe('who may change a forecast, and from which status', () => {
  it.each<[string, Handling, Aktor, Prognosframsteg, number | null]>([
    ['a chef starts a forecast that is not begun', 'spara', CHEF, 'ej-paborjad', null],
    ['a chef saves a new version of an utkast', 'spara', CHEF, 'utkast', null],
    ['a chef revises a forecast already marked ready', 'spara', CHEF, 'klarmarkerad', null],
    ['a chef revises a forecast sent back', 'spara', CHEF, 'aterskickad', null],
    ['a chef cannot change an approved forecast', 'spara', CHEF, 'godkand', 409],
    ['someone else cannot save a chef’s forecast', 'spara', EKONOM, 'utkast', 403],
    ['nobody without a part in it can save', 'spara', INGEN, 'ej-paborjad', 403],
    ['a chef marks an utkast ready', 'klarmarkera', CHEF, 'utkast', null],
    ['a chef cannot mark a sent-back forecast ready without saving it again', 'klarmarkera', CHEF, 'aterskickad', 409],
    ['there is nothing to mark ready before the first save', 'klarmarkera', CHEF, 'ej-paborjad', 409],
    ['the förvaltningsekonom cannot mark ready for the chef', 'klarmarkera', EKONOM, 'utkast', 403],
    ['the förvaltningsekonom approves a forecast marked ready', 'godkann', EKONOM, 'klarmarkerad', null],
    ['the förvaltningsekonom cannot approve an utkast', 'godkann', EKONOM, 'utkast', 409],
    ['a chef cannot approve their own forecast', 'godkann', CHEF, 'klarmarkerad', 403],
    ['the förvaltningsekonom sends back a forecast marked ready', 'atersand', EKONOM, 'klarmarkerad', null],
    ['the förvaltningsekonom takes back an approval', 'atersand', EKONOM, 'godkand', null],
    ['an utkast is the chef’s until marked ready: it cannot be sent back', 'atersand', EKONOM, 'utkast', 409],
    ['the ekonomidirektör reopens any forecast after close', 'ateroppna', DIREKTOR, 'godkand', null],
    ['the ekonomidirektör reopens an ansvar with no forecast', 'ateroppna', DIREKTOR, 'ej-paborjad', null],
    ['a förvaltningsekonom cannot reopen', 'ateroppna', EKONOM, 'godkand', 403],
  ])('%s', (_, handling, aktor, status, vantat) => {
    expect(hinderForOvergang(handling, aktor, status)?.status ?? null).toBe(vantat);
  });

  it.each<[string, Handling, Aktor, number | null]>([
    ['the chef saves, whatever the status', 'spara', CHEF, null],
    ['the förvaltningsekonom does not save', 'spara', EKONOM, 403],
    ['the förvaltningsekonom approves', 'godkann', EKONOM, null],
    ['the ekonomidirektör does not approve', 'godkann', DIREKTOR, 403],
    ['the ekonomidirektör reopens', 'ateroppna', DIREKTOR, null],
  ])('who: %s', (_, handling, aktor, status) => {
    expect(hinderForAktor(handling, aktor)?.status ?? null).toBe(status);
  });

  it.each<[string, Handling, boolean, string]>([
    ['a save is an utkast', 'spara', false, 'utkast'],
    ['a save marked ready is klarmarkerad', 'spara', true, 'klarmarkerad'],
    ['klarmarkera makes it klarmarkerad', 'klarmarkera', false, 'klarmarkerad'],
    ['godkänn makes it godkand', 'godkann', false, 'godkand'],
    ['återsänd makes it aterskickad', 'atersand', false, 'aterskickad'],
    ['a reopening hands it back to the chef as aterskickad', 'ateroppna', false, 'aterskickad'],
  ])('%s', (_, handling, klar, status) => {
    expect(statusEfter(handling, klar)).toBe(status);
  });

  it.each<[string, Handling, string | undefined, number | null]>([
    ['sending back needs a reason', 'atersand', undefined, 400],
    ['a blank reason is no reason', 'atersand', '   ', 400],
    ['sending back with a reason', 'atersand', 'Saknar vikarier', null],
    ['reopening after close needs a reason', 'ateroppna', '', 400],
    ['approving needs no comment', 'godkann', undefined, null],
  ])('%s', (_, handling, kommentar, status) => {
    expect(beslutskommentarSaknas(handling, kommentar)?.status ?? null).toBe(status);
  });
});

describe('versions and the ETag', () => {
  it.each([
    ['the first save is version 1', undefined, 1],
    ['a new save is the version after the latest', 1, 2],
    ['versions keep counting however many there are', 41, 42],
  ])('%s', (_, senaste, version) => {
    expect(nastaVersion(senaste)).toBe(version);
    expect(nastaAndring(senaste)).toBe(version);
  });

  it('the ETag names the version and the change', () => {
    expect(etag({ version: 3, andring: 7 })).toBe('"3-7"');
  });

  it.each<[string, string | undefined, { version: number; andring: number } | null, number | null]>([
    ['the first save needs no If-Match', undefined, null, null],
    ['the first save may send If-Match: *', '*', null, null],
    ['a save naming a version when there is none is stale', '"1-1"', null, 412],
    ['a save without If-Match on a forecast with a version is refused', undefined, { version: 2, andring: 3 }, 428],
    ['If-Match: * does not overwrite an existing version', '*', { version: 2, andring: 3 }, 428],
    ['the current ETag lets the save through', '"2-3"', { version: 2, andring: 3 }, null],
    ['one of several ETags may be the current one', '"2-2", "2-3"', { version: 2, andring: 3 }, null],
    ['an older version is stale', '"1-1"', { version: 2, andring: 3 }, 412],
    ['the same version after a decision is stale', '"2-2"', { version: 2, andring: 3 }, 412],
    ['a weak ETag never matches', 'W/"2-3"', { version: 2, andring: 3 }, 412],
  ])('%s', (_, ifMatch, aktuell, status) => {
    expect(provaIfMatch(ifMatch, aktuell)?.status ?? null).toBe(status);
  });
});

describe('amounts of a save', () => {
  it.each([
    ['kronor with öre become whole öre', [{ kontogrupp: 'personalkostnader', belopp: 1234.56 }], 123456],
    ['a Swedish amount in text with spaces and comma is read', [{ kontogrupp: 'personalkostnader', belopp: '1 234,5' }], 123450],
    ['zero is a forecast', [{ kontogrupp: 'personalkostnader', belopp: 0 }], 0],
    ['10 000 000 000 kr on one line is the most allowed', [{ kontogrupp: 'personalkostnader', belopp: '10000000000' }], 1_000_000_000_000],
  ])('%s', (_, rader, ore) => {
    const parsed = sparaHelarsprognosRequestSchema.safeParse({ rader });
    expect(parsed.success && parsed.data.rader[0]?.belopp).toBe(ore);
  });

  it.each([
    ['a negative amount', [{ kontogrupp: 'personalkostnader', belopp: -1 }], 'rader.0.belopp'],
    ['an absurd amount, over 10 billion kr on one line', [{ kontogrupp: 'personalkostnader', belopp: '10000000000.01' }], 'rader.0.belopp'],
    ['a non-numeric amount', [{ kontogrupp: 'personalkostnader', belopp: 'mycket' }], 'rader.0.belopp'],
    ['a fraction of an öre', [{ kontogrupp: 'personalkostnader', belopp: 0.001 }], 'rader.0.belopp'],
    ['an unknown kontogrupp', [{ kontogrupp: 'fika', belopp: 1 }], 'rader.0.kontogrupp'],
    ['no lines at all', [], 'rader'],
    [
      'the same kontogrupp twice',
      [
        { kontogrupp: 'intakter', belopp: 1 },
        { kontogrupp: 'intakter', belopp: 2 },
      ],
      'rader',
    ],
  ])('refuses %s', (_, rader, falt) => {
    const parsed = sparaHelarsprognosRequestSchema.safeParse({ rader });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toContain(falt);
  });

  it('sums revenue and cost, both entered positive, into a net cost to the öre', () => {
    const { rader, summa } = prognosrader([
      { kontogrupp: 'intakter', belopp: 100_00 },
      { kontogrupp: 'personalkostnader', belopp: 1_000_01 },
      { kontogrupp: 'lokalkostnader', belopp: 2_00 },
    ]);
    expect(rader[0]).toEqual({ kontogrupp: 'intakter', beloppOre: 100_00 });
    expect(summa).toEqual({ intakterOre: 100_00, kostnaderOre: 1_002_01, nettokostnadOre: 902_01 });
  });
});

describe('the threshold for a required comment (500 000 kr or 5 % by default)', () => {
  it.each([
    ['a small deviation on a large budget passes neither', 100_000_00, 100_000_000_00, false],
    ['a deficit of just over 500 000 kr passes the amount', -500_000_01, 100_000_000_00, true],
    ['exactly 500 000 kr does not pass it', 500_000_00, 100_000_000_00, false],
    ['a surplus passes just as a deficit does', 500_000_01, 100_000_000_00, true],
    ['just over 5 % of a small budget passes the share', 50_001_00, 1_000_000_00, true],
    ['exactly 5 % does not pass', 50_000_00, 1_000_000_00, false],
    ['with no budget only the amount counts', 400_000_00, 0, false],
    ['a negative net budget (a net income) is measured by its size', -60_000_00, -1_000_000_00, true],
  ])('%s', (_, avvikelse, budget, passerar) => {
    expect(passerarTroskel(avvikelse, budget, STANDARDTROSKEL)).toBe(passerar);
  });

  it.each([
    ['an utkast may wait for its comment', false, -600_000_00, null, null],
    ['marking ready with a large deviation needs a comment', true, -600_000_00, null, 422],
    ['a blank comment is none', true, -600_000_00, '  ', 422],
    ['with a comment it goes through', true, -600_000_00, 'Fler brukare än budgeterat', null],
    ['a small deviation needs none', true, -1_000_00, null, null],
  ])('%s', (_, klarmarkeras, avvikelseOre, kommentar, status) => {
    const krav = { klarmarkeras, budgetKand: true, avvikelseOre, budgetNettoOre: 100_000_000_00, troskel: STANDARDTROSKEL, kommentar };
    expect(kommentarKravsMenSaknas(krav)?.status ?? null).toBe(status);
  });

  it('with no budget known for the ansvar and year there is nothing to deviate from', () => {
    const krav = {
      klarmarkeras: true,
      budgetKand: false,
      avvikelseOre: -600_000_00,
      budgetNettoOre: 0,
      troskel: STANDARDTROSKEL,
      kommentar: null,
    };
    expect(kommentarKravsMenSaknas(krav)).toBeNull();
    expect(kommentarKravsMenSaknas({ ...krav, budgetKand: true })?.status).toBe(422);
  });

  it('names the comment field and the amounts', () => {
    const hinder = kommentarKravsMenSaknas({
      klarmarkeras: true,
      budgetKand: true,
      avvikelseOre: -600_000_00,
      budgetNettoOre: 100_000_000_00,
      troskel: STANDARDTROSKEL,
      kommentar: null,
    });
    expect(hinder).toMatchObject({ status: 422, fel: [{ field: 'kommentar' }] });
  });
});

describe('the previous round’s forecast, as the roll-up counted it', () => {
  const p = (tillfalle: 'april' | 'maj' | 'augusti', version: number, status: 'utkast' | 'klarmarkerad' | 'godkand' | 'aterskickad') => ({
    tillfalle,
    version,
    status,
  });
  it.each([
    { namn: 'no earlier forecast', prognoser: [], svar: null },
    {
      namn: 'the latest round’s klarmarkerade',
      prognoser: [p('april', 1, 'godkand'), p('maj', 2, 'klarmarkerad')],
      svar: p('maj', 2, 'klarmarkerad'),
    },
    {
      namn: 'a later round left as utkast does not count: the one before',
      prognoser: [p('april', 1, 'godkand'), p('maj', 2, 'utkast')],
      svar: p('april', 1, 'godkand'),
    },
    {
      namn: 'a round whose current version was sent back does not count',
      prognoser: [p('april', 2, 'aterskickad'), p('april', 1, 'klarmarkerad')],
      svar: null,
    },
    {
      namn: 'the current version of a round, not an earlier one',
      prognoser: [p('april', 1, 'klarmarkerad'), p('april', 3, 'godkand'), p('april', 2, 'utkast')],
      svar: p('april', 3, 'godkand'),
    },
    { namn: 'only utkast anywhere', prognoser: [p('april', 1, 'utkast'), p('augusti', 2, 'utkast')], svar: null },
  ])('$namn', ({ prognoser, svar }) => {
    expect(foregaendeOmgangensPrognos(prognoser)).toEqual(svar);
  });
});
