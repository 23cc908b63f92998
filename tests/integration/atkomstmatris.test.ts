// The access matrix, built from the services' own route tables (their OpenAPI documents, generated from the
// controllers): every endpoint × every role, signed in as a demo user of that role through the real
// provider, allowed or refused as the rule on the endpoint says. It fails when an endpoint has no rule,
// and when a rule grants more than the table allows.
import { ROLLER, type Roll } from '@tertial/contracts/access';
import type { ServiceName } from '@tertial/contracts/services';
import { hittaDemoAnvandare } from '@tertial/identity';
import { beforeAll, describe, expect, inject, it } from 'vitest';

import { apiClient } from '../support/api.js';
import { eventually } from '../support/services.js';
import { ANVANDARE, token } from '../support/tokens.js';

const stack = inject('stack');
const api = apiClient(stack.gatewayUrl);
const SERVICES: ServiceName[] = ['goals', 'budget', 'forecast', 'report'];

interface Operation {
  service: ServiceName;
  method: string;
  path: string;
  regel: { offentlig?: boolean; roller?: Roll[] } | undefined;
}

/**
 * What the table allows each role to change. Reading is checked by the scope tests; for changes the
 * table is exact, so a new changing endpoint must be added here, with the roles the table gives it.
 */
const ANDRINGAR: Record<string, Roll[]> = {
  'PUT /api/forecast/helarsprognoser/{ansvar}/{ar}/{tillfalle}': ['chef'],
  'POST /api/forecast/helarsprognoser/{ansvar}/{ar}/{tillfalle}/klarmarkera': ['chef'],
  'POST /api/forecast/helarsprognoser/{ansvar}/{ar}/{tillfalle}/godkann': ['forvaltningsekonom'],
  'POST /api/forecast/helarsprognoser/{ansvar}/{ar}/{tillfalle}/atersand': ['forvaltningsekonom'],
  'POST /api/forecast/helarsprognoser/{ansvar}/{ar}/{tillfalle}/ateroppna': ['ekonomidirektor'],
  'PUT /api/forecast/kommentarstroskel': ['ekonomidirektor'],
  'POST /api/forecast/omgangar': ['ekonomidirektor'],
  'POST /api/forecast/omgangar/{ar}/{tillfalle}/forlang': ['ekonomidirektor'],
  'POST /api/forecast/omgangar/{ar}/{tillfalle}/stang': ['ekonomidirektor'],
  'POST /api/goals/mal': ['processledare', 'ekonomidirektor'],
  'PUT /api/goals/mal/{id}': ['processledare', 'ekonomidirektor'],
  'POST /api/goals/mal/{id}/avsluta': ['processledare', 'ekonomidirektor'],
  'PUT /api/goals/mal/{id}/bedomningar/{ar}/{tillfalle}': ['processledare', 'ekonomidirektor'],
  'POST /api/goals/inriktningar': ['processledare', 'ekonomidirektor'],
  'PUT /api/goals/inriktningar/{id}': ['processledare', 'ekonomidirektor'],
  'POST /api/goals/nyckeltal': ['processledare', 'ekonomidirektor'],
  'PUT /api/goals/nyckeltal/{id}': ['processledare', 'ekonomidirektor'],
  'POST /api/goals/nyckeltal/{id}/matvarden': ['processledare', 'ekonomidirektor'],
  'POST /api/goals/matvarden/import': ['processledare', 'ekonomidirektor'],
  'POST /api/goals/kolada/import': ['processledare', 'ekonomidirektor'],
  'PUT /api/goals/kolada/jamforelsegrupp': ['ekonomidirektor'],
  'PUT /api/goals/bedomningsregler': ['ekonomidirektor'],
  'POST /api/goals/uppfoljning/{ar}/{tillfalle}/forslag': ['processledare', 'ekonomidirektor'],
  'POST /api/report/rapporter': ['ekonomidirektor'],
  'POST /api/report/rapporter/{id}/faststall': ['ekonomidirektor'],
  'POST /api/report/dokument/{rapport}/{ar}/versioner': ['ekonomidirektor'],
  'PUT /api/report/dokument/{rapport}/{ar}/versioner/{version}/texter/{sektion}': ['ekonomidirektor'],
  'POST /api/report/dokument/{rapport}/{ar}/versioner/{version}/granskning': ['ekonomidirektor'],
  'POST /api/report/dokument/{rapport}/{ar}/versioner/{version}/faststall': ['ekonomidirektor'],
  'PUT /api/report/resultatrakning/kontomappning': ['ekonomidirektor'],
  'PUT /api/report/finansrader/{ar}/{tillfalle}': ['ekonomidirektor'],
  'POST /api/report/uppfoljning/{ar}/{tillfalle}/noder/{kod}/paminnelser': ['forvaltningsekonom', 'ekonomidirektor'],
  'PUT /api/report/balanskrav/rur-regler': ['ekonomidirektor'],
  'POST /api/report/balanskrav/historik': ['ekonomidirektor'],
  'PUT /api/report/balanskrav/{ar}/{tillfalle}/justeringar': ['ekonomidirektor'],
  'PUT /api/budget/kontogrupper/mappning': ['ekonomidirektor'],
  'PUT /api/budget/konton/interna': ['ekonomidirektor'],
  'POST /api/budget/organisation/import': ['ekonomidirektor'],
  'POST /api/budget/resursfordelning': ['ekonomidirektor'],
  'POST /api/budget/internbudgetar': ['ekonomidirektor'],
  'POST /api/budget/budgetversioner': ['ekonomidirektor'],
  'POST /api/budget/utfall/import': ['ekonomidirektor'],
  'PUT /api/budget/investeringar/{id}': ['ekonomidirektor'],
  'PUT /api/budget/verksamhetsbudgetar/{ansvar}/{ar}': ['chef'],
  'PUT /api/budget/bolag/{bolag}/budget/{ar}': ['ekonomidirektor', 'bolagsekonom'],
  'PUT /api/forecast/bolagsprognoser/{bolag}/{ar}/{tillfalle}': ['bolagsekonom'],
  'PUT /api/report/koncern/interna': ['ekonomidirektor'],
  'DELETE /api/report/koncern/interna/{ar}/{saljare}/{kopare}/{slag}': ['ekonomidirektor'],
  'POST /api/report/koncern/interna/import': ['ekonomidirektor'],
  'POST /api/budget/bokslut': ['ekonomidirektor'],
  'PUT /api/budget/bokslut/overforingsregler': ['ekonomidirektor'],
  'POST /api/budget/bokslut/{ar}/resultatoverforing': ['ekonomidirektor'],
};

let operations: Operation[] = [];
const exempel: Record<string, string> = {};

beforeAll(async () => {
  for (const service of SERVICES) {
    const response = await fetch(`${stack.services[service]}/api/${service}/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { paths: Record<string, Record<string, { 'x-tertial-atkomst'?: Operation['regel'] }>> };
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods))
        operations.push({ service, method: method.toUpperCase(), path, regel: operation['x-tertial-atkomst'] });
    }
  }
  operations = operations.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));

  // Real things in the SN users' part of the tree to put in the paths: a forecast of the chef's, a report, a round.
  await api.oppnaOmgangar([2037]);
  const chefensAnsvar = hittaDemoAnvandare(ANVANDARE.chef)!.org[0]!;
  const prognos = await api.lamnaPrognos({
    ansvar: chefensAnsvar,
    ar: 2037,
    tillfalle: 'april',
    rader: [{ kontogrupp: 'personalkostnader', belopp: '100' }],
  });
  expect(prognos.status).toBe(200);
  const rapport = await api.json<{ id: string }>('/api/report/rapporter', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ar: 2037, tillfalle: 'april', titel: 'Matrisens rapport' }),
  });
  expect(rapport.status).toBe(201);
  // Fixed, so that every role the rule names may read it (drafts are the journeys' business).
  expect((await api.json(`/api/report/rapporter/${rapport.body.id}/faststall`, { method: 'POST' })).status).toBe(200);
  // A mål and a nyckeltal of SN from the demo city (loaded once the organisation has reached the goals service).
  const snMal = await eventually(
    async () => (await api.json<{ id: string; nyckeltal: string[] }[]>('/api/goals/mal?namnd=SN')).body,
    (mal) => mal.some((m) => m.nyckeltal.length > 0),
    120_000,
  );
  const mal = snMal.find((m) => m.nyckeltal.length > 0)!;
  Object.assign(exempel, {
    mal: mal.id,
    nyckeltal: mal.nyckeltal[0],
    id: prognos.body.id,
    ar: '2037',
    tillfalle: 'april',
    kod: 'SN',
    rapport: rapport.body.id,
    ansvar: chefensAnsvar,
  });
});

/**
 * The node of the roll-up each role looks at is its own part of the tree: the roll-up shows a node only to those
 * who see the whole of it (a chef their ansvar, a förvaltningsekonom their förvaltning, the others SN).
 */
function uppfoljningsnod(anvandare: string | null): string {
  return (anvandare && hittaDemoAnvandare(anvandare)?.org[0]) || 'SN';
}

function url(op: Operation, anvandare: string | null = null): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(
      name === 'id' && op.path.includes('/rapporter/')
        ? exempel.rapport!
        : name === 'id' && op.path.includes('/investeringar/')
          ? 'MATRIS-1'
          : name === 'id' && op.path.startsWith('/api/goals/mal/')
            ? exempel.mal!
            : name === 'id' && op.path.startsWith('/api/goals/nyckeltal/')
              ? exempel.nyckeltal!
              : name === 'kod' && op.path.startsWith('/api/report/uppfoljning/')
                ? uppfoljningsnod(anvandare)
                : (exempel[name] ?? 'x'),
    ),
  );
  // Every query an endpoint might need, within the users' part of the tree; unknown ones are ignored.
  return `${stack.gatewayUrl}${path}?ar=2037&tillfalle=april&namnd=SN&objektTyp=ansvar&objektId=${exempel.ansvar}&forstaAr=2027`;
}

async function call(op: Operation, anvandare: string | null): Promise<number> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (anvandare) headers.authorization = `Bearer ${await token(anvandare)}`;
  const init: RequestInit = { method: op.method, headers, signal: AbortSignal.timeout(10_000) };
  // An empty body: an allowed caller gets a validation answer, never a change.
  if (op.method !== 'GET') init.body = /\/(atersand|ateroppna|godkann|klarmarkera|faststall|stang)$/.test(op.path) ? '{}' : '{"x":1}';
  const response = await fetch(url(op, anvandare), init);
  await response.body?.cancel();
  return response.status;
}

describe('the access matrix: every endpoint × every role', () => {
  it('every endpoint of every service has an explicit rule', () => {
    expect(operations.length).toBeGreaterThan(25);
    expect(operations.filter((op) => !op.regel).map((op) => `${op.method} ${op.path}`)).toEqual([]);
  });

  it('only reading the API description and health is open, and changes are granted exactly as the table says', () => {
    const offentliga = operations.filter((op) => op.regel?.offentlig).map((op) => `${op.method} ${op.path}`);
    expect(offentliga.every((op) => /^GET \/api\/\w+\/health$/.test(op))).toBe(true);
    for (const op of operations.filter((o) => o.method !== 'GET')) {
      expect({ endpoint: `${op.method} ${op.path}`, roller: [...(op.regel?.roller ?? [])].sort() }).toEqual({
        endpoint: `${op.method} ${op.path}`,
        roller: [...(ANDRINGAR[`${op.method} ${op.path}`] ?? ['(saknas i tabellen)'])].sort(),
      });
    }
    // Council members read fixed reports and nothing else.
    expect(
      operations
        .filter((op) => op.regel?.roller?.includes('fullmaktige'))
        .map((op) => `${op.method} ${op.path}`)
        .sort(),
    ).toEqual([
      'GET /api/report/dokument',
      'GET /api/report/dokument/{rapport}/{ar}/export',
      'GET /api/report/dokument/{rapport}/{ar}/jamforelse',
      'GET /api/report/dokument/{rapport}/{ar}/versioner',
      'GET /api/report/dokument/{rapport}/{ar}/versioner/{version}',
      'GET /api/report/rapporter',
      'GET /api/report/rapporter/{id}',
    ]);
    // Stadsrevisionen changes nothing.
    expect(operations.filter((op) => op.method !== 'GET' && op.regel?.roller?.includes('stadsrevisionen'))).toEqual([]);
  });

  it('without a token every endpoint but the open ones answers 401', async () => {
    for (const op of operations) {
      const status = await call(op, null);
      expect({ endpoint: `${op.method} ${op.path}`, status: op.regel?.offentlig ? status !== 401 : status }).toEqual({
        endpoint: `${op.method} ${op.path}`,
        status: op.regel?.offentlig ? true : 401,
      });
    }
  });

  it.each(ROLLER)('as %s: allowed where the rule names the role, 403 everywhere else', async (roll) => {
    const utfall: { endpoint: string; status: number; vantat: string }[] = [];
    for (const op of operations) {
      if (op.regel?.offentlig) continue;
      const status = await call(op, ANVANDARE[roll]);
      const tillaten = op.regel?.roller?.includes(roll) ?? false;
      const ok = tillaten ? status !== 401 && status !== 403 && status < 500 : status === 403;
      if (!ok) utfall.push({ endpoint: `${op.method} ${op.path}`, status, vantat: tillaten ? 'tillåten' : '403' });
    }
    expect(utfall).toEqual([]);
  });
});
