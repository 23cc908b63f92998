// The report service learns budget and utfall from the budget service's events and puts them beside the
// forecasts: what the ekonomidirektör compares.
import type { InternbudgetDto } from '@tertial/contracts/dto';
import { describe, expect, inject, it } from 'vitest';

import { apiClient } from '../support/api.js';
import { ansvarI } from '../support/demo.js';
import { eventually } from '../support/services.js';

const stack = inject('stack');
const api = apiClient(stack.gatewayUrl);

describe('utfall, budget and prognos side by side in the report service', () => {
  it('each nämnd’s frame reaches the totals, follows a tilläggsbudget, and the city’s budget is their sum', async () => {
    const ram = async () => (await api.json<InternbudgetDto>('/api/budget/namnder/IFN/internbudget?ar=2026')).body.ramOre;
    const fore = await ram();
    const forst = await eventually(
      () => api.totaler(2026, 'april'),
      (t) => t.namnder.find((n) => n.kod === 'IFN')?.budgetOre === fore,
      60_000,
    );
    expect(forst.stad.budgetOre).toBe(forst.namnder.reduce((summa, n) => summa + (n.budgetOre ?? 0), 0));

    const beslut = await api.json('/api/budget/budgetversioner', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        typ: 'tillaggsbudget',
        ar: 2026,
        namn: 'Tilläggsbudget: spontanidrott',
        beslutad: '2026-09-14',
        andringar: [{ namnd: 'IFN', belopp: '750000,25' }],
      }),
    });
    expect(beslut.status).toBe(201);
    const efter = await eventually(
      () => api.totaler(2026, 'april'),
      (t) => t.namnder.find((n) => n.kod === 'IFN')?.budgetOre === fore + 75_000_025,
    );
    expect(efter.stad.budgetOre).toBe(forst.stad.budgetOre! + 75_000_025);
  });

  it('an utfall import reaches the totals as net cost per nämnd, with the month it runs to', async () => {
    const [ansvar] = ansvarI('OFN') as [string];
    const csv = `ar;manad;ansvar;konto;belopp\n2041;1;${ansvar};5010;100000,10\n2041;2;${ansvar};5010;2500\n2041;2;${ansvar};3110;-20000,05\n`;
    const svar = await api.json<{ status: string }>('/api/budget/utfall/import?filnamn=ofn-2041.csv', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: csv,
    });
    expect(svar.body.status).toBe('importerad');
    const totaler = await eventually(
      () => api.totaler(2041, 'augusti'),
      (t) => t.namnder.find((n) => n.kod === 'OFN')?.utfallOre !== null,
    );
    // Cost 102,500.10 kr, revenue 20,000.05 kr: net 82,500.05 kr.
    expect(totaler.namnder.find((n) => n.kod === 'OFN')?.utfallOre).toBe(8_250_005);
    expect(totaler.stad.utfallOre).toBe(8_250_005);
    expect(totaler.utfallTillManad).toBe(2);
    expect(totaler.namnder.find((n) => n.kod === 'SN')?.utfallOre).toBeNull();
  });

  it('the April totals hold only the utfall to April, and say so, while August’s run to August', async () => {
    const [ansvar] = ansvarI('OFN') as [string];
    const csv = `ar;manad;ansvar;konto;belopp\n2039;3;${ansvar};5010;1000\n2039;4;${ansvar};5010;200\n2039;8;${ansvar};5010;30\n`;
    const svar = await api.json<{ status: string }>('/api/budget/utfall/import?filnamn=ofn-2039.csv', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: csv,
    });
    expect(svar.body.status).toBe('importerad');
    const augusti = await eventually(
      () => api.totaler(2039, 'augusti'),
      (t) => t.namnder.find((n) => n.kod === 'OFN')?.utfallOre !== null,
    );
    expect(augusti.namnder.find((n) => n.kod === 'OFN')?.utfallOre).toBe(123_000);
    expect(augusti.utfallTillManad).toBe(8);

    const april = await api.totaler(2039, 'april');
    expect(april.namnder.find((n) => n.kod === 'OFN')?.utfallOre).toBe(120_000);
    expect(april.stad.utfallOre).toBe(120_000);
    expect(april.utfallTillManad).toBe(4);
  });
});
