// Personnel (årsarbetare) and the investment projects an ansvar owns, forecast in the chef's helårsprognos against the
// real stack: budgeted årsarbetare from the verksamhetsbudget, the projects from budget's events, the forecast stored
// in the version, a foreign project or a bad figure refused whole, and the investment follow-up fed from it.
import type {
  HelarsprognosDto,
  HelarsprognosUnderlag,
  InvesteringsprojektDto,
  PrognosomgangDto,
  VerksamhetsbudgetDto,
} from '@tertial/contracts/dto';
import type { Problem } from '@tertial/contracts/problem';
import { beforeAll, describe, expect, inject, it } from 'vitest';

import { apiClient } from '../support/api.js';
import { DEMO } from '../support/demo.js';
import { chefFor } from '../support/tokens.js';

const stack = inject('stack');
const api = apiClient(stack.gatewayUrl);

// A månadsprognos (november) for SBN, which no other test opens; projects of the demo city's budget year.
const AR = DEMO.ar;
const TILLFALLE = 'november';
const SBN_PROJEKT = DEMO.investeringar.filter((p) => p.namnd === 'SBN' && p.ansvar && p.ar.some((ar) => ar.ar === AR));
const PROJEKT = SBN_PROJEKT[0]!;
const ANSVAR = PROJEKT.ansvar!;
const CHEF = chefFor(ANSVAR);
const FRAMMANDE = DEMO.investeringar.find((p) => p.ansvar && p.ansvar !== ANSVAR)!;
const adress = `/api/forecast/helarsprognoser/${ANSVAR}/${AR}/${TILLFALLE}`;
const RADER = [{ kontogrupp: 'personalkostnader', belopp: '1000' }];
const KOMMENTAR = 'Testprognos långt från budget.';

async function vanta<T>(fraga: () => Promise<T>, klar: (varde: T) => boolean, vad: string): Promise<T> {
  const tills = Date.now() + 60_000;
  for (;;) {
    const varde = await fraga();
    if (klar(varde)) return varde;
    if (Date.now() > tills) throw new Error(`${vad}: ${JSON.stringify(varde)}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

const faltI = (problem: Pick<Problem, 'errors'>) => problem.errors?.map((fel) => fel.field) ?? [];
const underlag = async () => (await api.json<HelarsprognosUnderlag>(`${adress}/underlag`, { som: CHEF })).body;

function spara(body: unknown, ifMatch: string) {
  return api.json<HelarsprognosDto & Omit<Problem, 'status'>>(adress, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'if-match': ifMatch },
    body: JSON.stringify(body),
    som: CHEF,
  });
}

beforeAll(async () => {
  expect(SBN_PROJEKT.length).toBeGreaterThan(0);
  const deadline = new Date(Date.now() + 7 * 24 * 3600_000).toISOString();
  const oppnad = await api.json<PrognosomgangDto>('/api/forecast/omgangar', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ar: AR, tillfalle: TILLFALLE, deadline, namnder: ['SBN'] }),
  });
  expect(oppnad.status).toBe(200);
  // Budget publishes the projects and every ansvar's verksamhetsbudget at its first start.
  await vanta(underlag, (u) => u.netto?.budgetOre !== 0 && u.investeringar?.length > 0, `inget underlag för ${ANSVAR}`);
});

describe('the chef’s entry shows personnel and the ansvar’s projects', () => {
  it('budgeted årsarbetare estimated from the personnel budget, and every project the ansvar owns this year', async () => {
    const u = await underlag();
    const verksamhetsbudget = (await api.json<VerksamhetsbudgetDto>(`/api/budget/verksamhetsbudgetar/${ANSVAR}/${AR}`, { som: CHEF })).body;
    expect(verksamhetsbudget.arsarbetareKalla).toBe('berakning');
    expect(verksamhetsbudget.arsarbetare).toBeGreaterThan(0);
    expect(u.personal).toEqual({ budget: verksamhetsbudget.arsarbetare, foregaendePrognos: null, nu: null, prognos: null });
    const vantade = DEMO.investeringar
      .filter((p) => p.ansvar === ANSVAR && p.ar.some((ar) => ar.ar === AR))
      .map((p) => ({ projekt: p.id, budgetOre: p.ar.find((ar) => ar.ar === AR)!.budgetOre }))
      .sort((a, b) => a.projekt.localeCompare(b.projekt));
    expect(u.investeringar.map(({ projekt, budgetOre }) => ({ projekt, budgetOre }))).toEqual(vantade);
    expect(u.investeringar[0]).toMatchObject({ prognosOre: null, avvikelseOre: null });
  });

  it('the chef’s own årsarbetare in the verksamhetsbudget reach the entry', async () => {
    const vb = (await api.json<VerksamhetsbudgetDto>(`/api/budget/verksamhetsbudgetar/${ANSVAR}/${AR}`, { som: CHEF })).body;
    const rader = vb.internbudget.map((rad) => ({ kontogrupp: rad.kontogrupp, belopp: (rad.beloppOre / 100).toFixed(2) }));
    const fel = await api.json<Problem>(`/api/budget/verksamhetsbudgetar/${ANSVAR}/${AR}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'if-match': vb.etag },
      body: JSON.stringify({ periodisering: 'jamnt', rader, arsarbetare: '12,55' }),
      som: CHEF,
    });
    expect(fel.status).toBe(400);
    expect(faltI(fel.body)).toEqual(['arsarbetare']);
    const sparad = await api.json<VerksamhetsbudgetDto>(`/api/budget/verksamhetsbudgetar/${ANSVAR}/${AR}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'if-match': vb.etag },
      body: JSON.stringify({ periodisering: 'jamnt', rader, arsarbetare: '23,5' }),
      som: CHEF,
    });
    expect(sparad).toMatchObject({ status: 200, body: { arsarbetare: 23.5, arsarbetareKalla: 'chef' } });
    await vanta(underlag, (u) => u.personal.budget === 23.5, 'årsarbetarna kom inte fram');
  });
});

describe('the forecast holds personnel and projects', () => {
  it('refuses a project of another ansvar, or a bad årsarbetare figure, and stores nothing', async () => {
    const frammande = await spara(
      {
        rader: RADER,
        kommentar: KOMMENTAR,
        investeringar: [
          { projekt: PROJEKT.id, prognos: 1 },
          { projekt: FRAMMANDE.id, prognos: 1 },
        ],
      },
      '*',
    );
    expect(frammande.status).toBe(422);
    expect(frammande.body.errors).toEqual([
      { field: 'investeringar.1.projekt', message: `projektet ${FRAMMANDE.id} hör inte till ansvaret ${ANSVAR}` },
    ]);
    const okand = await spara({ rader: RADER, kommentar: KOMMENTAR, investeringar: [{ projekt: 'FINNS-INTE', prognos: 1 }] }, '*');
    expect(okand.status).toBe(422);
    expect(faltI(okand.body)).toEqual(['investeringar.0.projekt']);
    for (const [personal, falt] of [
      [{ nu: -1, prognos: 3 }, 'personal.nu'],
      [{ nu: 'tolv', prognos: 3 }, 'personal.nu'],
      [{ nu: 1.25, prognos: 3 }, 'personal.nu'],
      [{ nu: 3, prognos: 1e9 }, 'personal.prognos'],
    ] as const) {
      const svar = await spara({ rader: RADER, kommentar: KOMMENTAR, personal }, '*');
      expect(svar.status, JSON.stringify(personal)).toBe(400);
      expect(faltI(svar.body)).toEqual([falt]);
    }
    expect((await api.json(adress, { som: CHEF })).status).toBe(404);
  });

  it('stores them in the version, shows them in the entry, and the marked-ready forecast feeds the investment follow-up', async () => {
    const forsta = await spara(
      {
        rader: RADER,
        kommentar: KOMMENTAR,
        personal: { nu: '21,5', prognos: 22 },
        investeringar: [{ projekt: PROJEKT.id, prognos: '1 234 567,89' }],
      },
      '*',
    );
    expect(forsta).toMatchObject({
      status: 200,
      body: { status: 'utkast', personal: { nu: 21.5, prognos: 22 }, investeringar: [{ projekt: PROJEKT.id, prognosOre: 123_456_789 }] },
    });
    const u = await underlag();
    expect(u.personal).toMatchObject({ nu: 21.5, prognos: 22 });
    const rad = u.investeringar.find((r) => r.projekt === PROJEKT.id)!;
    expect(rad).toMatchObject({ prognosOre: 123_456_789, avvikelseOre: rad.budgetOre - 123_456_789 });

    // An utkast is the chef's own: the investment follow-up takes the forecast once it is marked ready.
    const klar = await spara(
      {
        rader: RADER,
        kommentar: KOMMENTAR,
        klarmarkerad: true,
        personal: { nu: 21.5, prognos: 22 },
        investeringar: [{ projekt: PROJEKT.id, prognos: 2_000_000 }],
      },
      forsta.headers.get('etag')!,
    );
    expect(klar).toMatchObject({ status: 200, body: { status: 'klarmarkerad', version: 2 } });
    const plan = await vanta(
      async () => (await api.json<{ projekt: InvesteringsprojektDto[] }>(`/api/budget/investeringar?namnd=SBN&forstaAr=${AR}`)).body,
      (p) => p.projekt.find((x) => x.id === PROJEKT.id)?.ar.find((ar) => ar.ar === AR)?.prognosOre === 200_000_000,
      'investeringsuppföljningen fick inte prognosen',
    );
    expect(plan.projekt.find((x) => x.id === PROJEKT.id)).toMatchObject({ ansvar: ANSVAR });
  });
});
