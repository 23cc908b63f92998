import { describe, expect, it } from 'vitest';

import { parseEnvelope } from '../envelope.js';
import { ALL_EVENTS } from './index.js';
import { resultatoverforingBeslutad, type ResultatoverforingBeslutadPayload } from './resultatoverforing-beslutad.js';

const beslut: ResultatoverforingBeslutadPayload = {
  ar: 2025,
  beslutad: '2026-04-23',
  beslutadAv: 'Ekonomidirektören',
  budgetversion: 'tillagg-2026-1',
  namnder: [
    { namnd: 'KN', forslagOre: 1_250_000_00, beslutOre: 1_250_000_00, motivering: null },
    { namnd: 'SN', forslagOre: -4_000_000_00, beslutOre: -2_000_000_00, motivering: 'Särskilda skäl: placeringarna.' },
  ],
};

const kuvert = (payload: unknown) => ({
  eventId: '0b7c8a9e-2f4d-4e6a-9b1c-3d5e7f9a1b2c',
  type: resultatoverforingBeslutad.type,
  schemaVersion: 1,
  occurredAt: '2026-04-23T08:00:00.000Z',
  producer: 'budget',
  correlationId: 'c-1',
  key: '2025',
  payload,
});

describe('budget.resultatoverforing-beslutad', () => {
  it('carries KF’s decision per nämnd to the öre, keyed by the year', () => {
    const last = parseEnvelope(resultatoverforingBeslutad, JSON.stringify(kuvert(beslut)));
    expect(last).toMatchObject({ ok: true, envelope: { payload: beslut } });
    expect(resultatoverforingBeslutad.keyOf(beslut)).toBe('2025');
  });

  it.each([
    ['an amount that is not whole öre', { ...beslut, namnder: [{ ...beslut.namnder[0], beslutOre: 12.5 }] }, /namnder/],
    ['a decision without nämnder', { ...beslut, namnder: [] }, /namnder/],
    ['a date that is not a date', { ...beslut, beslutad: '23 april' }, /beslutad/],
    ['a nämnd without motivering field', { ...beslut, namnder: [{ namnd: 'KN', forslagOre: 0, beslutOre: 0 }] }, /motivering/],
  ])('refuses %s', (_namn, payload, falt) => {
    const last = parseEnvelope(resultatoverforingBeslutad, JSON.stringify(kuvert(payload)));
    expect(last.ok).toBe(false);
    expect(last.ok ? '' : last.reason).toMatch(falt);
  });

  it('is one of the system’s topics, so infra creates it', () => {
    expect(ALL_EVENTS.map((e) => e.topic)).toContain('tertial.budget.resultatoverforing-beslutad.v1');
  });
});
