import { lamnaHelarsprognosRequestSchema, type Granskningsbeslut } from '@tertial/contracts/dto';
import { describe, expect, it } from 'vitest';

import {
  hinderForLamning,
  ingenSadanOmgang,
  nastaVersion,
  omgangInteOppen,
  oppnadOmgang,
  prognosrader,
  provaBeslut,
  provaLasning,
  senastePerAnsvar,
  stangdOmgang,
  type Lamning,
  type Omgangslage,
} from './helarsprognosregler.js';

const LAMNING: Lamning = { ansvar: '41230', ar: 2026, tillfalle: 'augusti', egetAnsvar: true, ansvarFinns: true };

describe('submitting a helårsprognos', () => {
  it.each([
    ['a chef submits for their own ansvar that the organisation has', {}, null],
    ['a chef cannot submit for an ansvar that is not their own', { egetAnsvar: false }, 403],
    ['a chef is not told whether an ansvar that is not theirs exists', { egetAnsvar: false, ansvarFinns: false }, 403],
    ['a chef cannot submit for an ansvar the organisation does not have on the period’s last day', { ansvarFinns: false }, 422],
  ] as const)('%s', (_, andrat: Partial<Lamning>, status) => {
    expect(hinderForLamning({ ...LAMNING, ...andrat })?.status ?? null).toBe(status);
  });

  it('names the ansvar and the day of the organisation it was looked up in', () => {
    expect(hinderForLamning({ ...LAMNING, tillfalle: 'april', ansvarFinns: false })).toEqual({
      status: 422,
      title: 'Okänt ansvar',
      detail: 'Ansvaret 41230 finns inte i organisationen per 2026-04-30.',
      fel: [{ field: 'ansvar', message: 'okänt ansvar' }],
    });
  });

  it.each([
    ['a chef can submit while the round is open', 'oppen', null],
    ['a chef cannot submit after the round closes', 'stangd', 'Prognosomgången augusti 2026 är stängd.'],
    ['a chef cannot submit before the round is opened', null, 'Prognosomgången augusti 2026 är inte öppnad.'],
  ] as const)('%s', (_, omgang: Omgangslage, detail) => {
    const hinder = omgangInteOppen(omgang, 2026, 'augusti');
    expect(hinder && hinder.status === 409 ? hinder.detail : hinder).toBe(detail);
  });

  it.each([
    ['the first submission is version 1', undefined, 1],
    ['a new submission is the version after the latest', 1, 2],
    ['versions keep counting however many there are', 41, 42],
  ])('%s', (_, senaste, version) => {
    expect(nastaVersion(senaste)).toBe(version);
  });
});

describe('amounts of a submission', () => {
  const lamning = (rader: unknown[]) => ({ ansvar: '41230', ar: 2026, tillfalle: 'augusti', rader });

  it.each([
    ['kronor with öre become whole öre', [{ kontogrupp: 'personalkostnader', belopp: 1234.56 }], 123456],
    ['a Swedish amount in text with spaces and comma is read', [{ kontogrupp: 'personalkostnader', belopp: '1 234,5' }], 123450],
    ['zero is a forecast', [{ kontogrupp: 'personalkostnader', belopp: 0 }], 0],
  ])('%s', (_, rader, ore) => {
    const parsed = lamnaHelarsprognosRequestSchema.safeParse(lamning(rader));
    expect(parsed.success && parsed.data.rader[0]?.belopp).toBe(ore);
  });

  it.each([
    ['a negative amount', [{ kontogrupp: 'personalkostnader', belopp: -1 }], 'rader.0.belopp'],
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
    const parsed = lamnaHelarsprognosRequestSchema.safeParse(lamning(rader));
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

describe('the förvaltningsekonom’s decision on a forecast', () => {
  const prognos = { id: 'p2', ar: 2026, tillfalle: 'augusti' as const };
  const beslut = (
    andrat: Partial<{ beslut: Granskningsbeslut; kommentar: string; prognos: typeof prognos | null; omgang: Omgangslage }> & {
      senaste?: { id: string; version: number } | null;
    } = {},
  ) => provaBeslut({ beslut: 'godkand', kommentar: undefined, prognos, senaste: { id: 'p2', version: 2 }, omgang: 'oppen', ...andrat });

  it.each([
    ['approves the latest version of a forecast in their förvaltning while the round is open', {}, null],
    ['sends it back with a comment saying why', { beslut: 'aterskickad', kommentar: 'Personalkostnaderna saknar OB.' }, null],
    ['cannot decide on a forecast outside their förvaltning (or one that does not exist)', { prognos: null }, 403],
    ['cannot send a forecast back without a comment', { beslut: 'aterskickad' }, 400],
    ['cannot decide on a version that is no longer the latest', { senaste: { id: 'p3', version: 3 } }, 409],
    ['cannot decide after the round closes', { omgang: 'stangd' }, 409],
    ['cannot decide before the round is opened', { omgang: null }, 409],
    ['is refused outside their förvaltning before anything else is said', { prognos: null, beslut: 'aterskickad', omgang: 'stangd' }, 403],
    ['is told a comment is missing before that the version is old', { beslut: 'aterskickad', senaste: { id: 'p3', version: 3 } }, 400],
  ] as const)('a förvaltningsekonom %s', (_, andrat, status) => {
    const provat = beslut(andrat);
    expect(provat.ok ? null : provat.hinder.status).toBe(status);
  });

  it('says which version is the latest when a decision is on an older one', () => {
    const provat = beslut({ senaste: { id: 'p3', version: 3 } });
    expect(provat.ok ? null : provat.hinder).toMatchObject({ detail: 'Ansvaret har en senare version (3); besluta om den.' });
  });

  it('lets the förvaltningsekonom change a decision while the round is open: approving is allowed whatever the status', () => {
    expect(beslut({ beslut: 'godkand' })).toEqual({ ok: true, varde: prognos });
  });
});

describe('reading one forecast', () => {
  it.each([
    ['anyone who sees the forecast reads it', { id: 'p1' }, false, null],
    ['a chef is refused the same way for a forecast that is not theirs and one that does not exist', null, false, 403],
    ['the ekonomidirektör, who sees everything, is told there is no such forecast', null, true, 404],
  ] as const)('%s', (_, prognos, serAllt, status) => {
    const provat = provaLasning('p1', prognos, serAllt);
    expect(provat.ok ? null : provat.hinder.status).toBe(status);
  });
});

describe('the current forecasts', () => {
  it('keeps the highest version per ansvar, sorted by ansvar, whatever order they come in', () => {
    const prognoser = [
      { ansvar: '41230', version: 1 },
      { ansvar: '11010', version: 2 },
      { ansvar: '41230', version: 3 },
      { ansvar: '11010', version: 1 },
      { ansvar: '41230', version: 2 },
    ];
    expect(senastePerAnsvar(prognoser)).toEqual([
      { ansvar: '11010', version: 2 },
      { ansvar: '41230', version: 3 },
    ]);
  });
});

describe('forecast rounds', () => {
  const nu = new Date('2026-09-01T08:00:00Z');
  const senare = new Date('2026-09-20T16:00:00Z');

  it('an opened round is open from now, with no closing time', () => {
    expect(oppnadOmgang(nu)).toEqual({ status: 'oppen', oppnadAt: nu, stangdAt: null });
  });

  it.each([
    ['closing an open round closes it from now, keeping when it opened', { status: 'oppen', oppnadAt: nu, stangdAt: null }],
    ['closing a closed round again moves its closing time', { status: 'stangd', oppnadAt: nu, stangdAt: nu }],
  ] as const)('%s', (_, omgang) => {
    expect({ ...omgang, ...stangdOmgang(senare) }).toEqual({ status: 'stangd', oppnadAt: nu, stangdAt: senare });
  });

  it('reopening a closed round opens it again from now', () => {
    expect(oppnadOmgang(senare)).toEqual({ status: 'oppen', oppnadAt: senare, stangdAt: null });
  });

  it('a round that was never opened cannot be closed: it is not found', () => {
    expect(ingenSadanOmgang(2026, 'april')).toEqual({
      status: 404,
      title: 'Hittades inte',
      detail: 'Ingen prognosomgång april 2026.',
      fel: [{ field: 'tillfalle', message: 'ingen sådan omgång' }],
    });
  });
});
