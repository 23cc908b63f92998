import { describe, expect, it } from 'vitest';

import { beslutUrl, etag, foljdOmgang, harFramsteg, harGranskningsko, nodUrl, omgangText, saknasCsvUrl } from './uppfoljning.js';

const omgangar = [
  { ar: 2026, tillfalle: 'april' as const, status: 'stangd' as const },
  { ar: 2026, tillfalle: 'augusti' as const, status: 'oppen' as const },
  { ar: 2026, tillfalle: 'oktober' as const, status: 'stangd' as const },
  { ar: 2025, tillfalle: 'augusti' as const, status: 'oppen' as const },
];

describe('the round the page follows', () => {
  it('is the one in the address when there is such a round', () => {
    expect(foljdOmgang(omgangar, { ar: '2026', tillfalle: 'april' })).toMatchObject({ ar: 2026, tillfalle: 'april' });
  });

  it('is otherwise the newest open round, and without one open the newest', () => {
    expect(foljdOmgang(omgangar, { ar: '2030', tillfalle: 'april' })).toMatchObject({ ar: 2026, tillfalle: 'augusti' });
    expect(
      foljdOmgang(
        omgangar.map((o) => ({ ...o, status: 'stangd' as const })),
        { ar: null, tillfalle: null },
      ),
    ).toMatchObject({
      ar: 2026,
      tillfalle: 'oktober',
    });
    expect(foljdOmgang([], { ar: null, tillfalle: null })).toBeUndefined();
  });

  it('is named with its state', () => {
    expect(omgangText(omgangar[1]!)).toBe('Augusti 2026 – öppen');
  });
});

describe('the addresses and the ETag', () => {
  it('names the node, its missing list and the decision', () => {
    const urval = { ar: 2026, tillfalle: 'augusti' as const };
    expect(nodUrl(urval, 'stad')).toBe('/api/report/uppfoljning/2026/augusti/noder/stad');
    expect(saknasCsvUrl(urval, 'SN-F')).toBe('/api/report/uppfoljning/2026/augusti/noder/SN-F/saknas.csv');
    expect(beslutUrl({ ansvar: '41101', ...urval }, 'atersand')).toBe('/api/forecast/helarsprognoser/41101/2026/augusti/atersand');
  });

  it('gives If-Match the forecast’s version and change, quoted, as the forecast service’s ETag', () => {
    expect(etag({ version: 2, andring: 5 })).toBe('"2-5"');
  });
});

describe('who sees which part of the page', () => {
  it('only a förvaltningsekonom has the queue; a chef has the roll-up of their own part only', () => {
    expect(harGranskningsko(['forvaltningsekonom'])).toBe(true);
    expect(harGranskningsko(['ekonomidirektor'])).toBe(false);
    expect(harFramsteg(['ekonomidirektor'])).toBe(true);
    expect(harFramsteg(['forvaltningsekonom'])).toBe(true);
    expect(harFramsteg(['chef'])).toBe(false);
  });
});
