// `npx tertial rebuild report`: a report service of its own reads the whole event log into an empty database (SQLite,
// beside the stack's PostgreSQL one) and ends with the same hash over every round's roll-up as the running one; as of
// a moment between two forecasts, it knows the first and not the second.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

import type { Kontrollsumma, Uppfoljning } from '@tertial/contracts/dto';
import { beforeAll, describe, expect, inject, it } from 'vitest';

import { apiClient } from '../support/api.js';
import { eventually, ROOT } from '../support/services.js';
import { token } from '../support/tokens.js';

const stack = inject('stack');
const api = apiClient(stack.gatewayUrl);
/** A year of this file's own. */
const AR = 2056;
const TILLFALLE = 'augusti';
const [FORSTA, ANDRA] = ['16101', '16102'] as const;

interface Resultat {
  lika: boolean | null;
  handelser: number;
  till: string | null;
  aterskapad: Kontrollsumma;
  korande?: Kontrollsumma;
}

async function rebuild(...flaggor: string[]): Promise<Resultat> {
  const { stdout } = await promisify(execFile)(
    'bash',
    [
      join(ROOT, 'packages/cli/bin/tertial'),
      'rebuild',
      'report',
      '--json',
      '--url',
      stack.gatewayUrl,
      '--brokers',
      stack.kafkaBrokers,
      '--issuer',
      stack.oidcIssuer,
      ...flaggor,
    ],
    { cwd: ROOT, env: { ...process.env, TERTIAL_TOKEN: await token('ekonomidirektor') }, maxBuffer: 10 * 1024 * 1024, timeout: 400_000 },
  );
  return JSON.parse(stdout) as Resultat;
}

async function stad(): Promise<Uppfoljning['nod']> {
  return (await api.json<Uppfoljning>(`/api/report/uppfoljning/${AR}/${TILLFALLE}/noder/stad`)).body.nod;
}

async function lamna(ansvar: string, kronor: number): Promise<void> {
  const svar = await api.lamnaPrognos({
    ansvar,
    ar: AR,
    tillfalle: TILLFALLE,
    rader: [{ kontogrupp: 'personalkostnader', belopp: String(kronor) }],
    kommentar: 'Prognos för återuppbyggnaden',
  });
  expect(svar.status).toBe(200);
}

describe('npx tertial rebuild report', () => {
  let mellan: string;

  beforeAll(async () => {
    await api.oppnaOmgangar([AR], [TILLFALLE]);
    await lamna(FORSTA, 1_234_567);
    await eventually(stad, (nod) => nod.prognosAntalAnsvar === 1, 30_000);
    // A moment after the first forecast reached the report service and before the second was saved.
    await new Promise((klar) => setTimeout(klar, 1_100));
    mellan = new Date().toISOString();
    await new Promise((klar) => setTimeout(klar, 1_100));
    await lamna(ANDRA, 765_432);
    await eventually(stad, (nod) => nod.prognosAntalAnsvar === 2, 30_000);
  }, 120_000);

  it('rebuilds the report database from the log with every round’s roll-up equal to the running one', async () => {
    const resultat = await rebuild();
    expect(resultat.lika).toBe(true);
    expect(resultat.aterskapad.hash).toBe(resultat.korande!.hash);
    expect(resultat.handelser).toBeGreaterThan(1_000);
    const omgang = resultat.aterskapad.omgangar.find((kandidat) => kandidat.ar === AR && kandidat.tillfalle === TILLFALLE)!;
    expect(omgang.stad).toMatchObject({ prognosAntalAnsvar: 2, prognosOre: (await stad()).prognosOre });
    // The demo city's rounds are in it too, with their thousands of forecasts.
    expect(resultat.aterskapad.omgangar.some((kandidat) => (kandidat.stad?.prognosAntalAnsvar ?? 0) > 1_000)).toBe(true);
  }, 420_000);

  it('as of a past moment, knows what was known then: the first forecast and not the second', async () => {
    const resultat = await rebuild('--till', mellan);
    expect(resultat.till).toBe(new Date(mellan).toISOString());
    expect(resultat.lika).toBeNull();
    const omgang = resultat.aterskapad.omgangar.find((kandidat) => kandidat.ar === AR && kandidat.tillfalle === TILLFALLE)!;
    expect(omgang.stad).toMatchObject({ prognosAntalAnsvar: 1, prognosOre: 123_456_700 });
  }, 420_000);

  it('refuses a service that owns data the log does not hold, and a moment that is not one', async () => {
    const tertial = join(ROOT, 'packages/cli/bin/tertial');
    await expect(promisify(execFile)('bash', [tertial, 'rebuild', 'budget'])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Bara report kan byggas om/),
    });
    await expect(promisify(execFile)('bash', [tertial, 'rebuild', 'report', '--till', 'igår'])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--till: igår är ingen tidpunkt/),
    });
  });
});
