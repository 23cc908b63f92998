import { describe, expect, it } from 'vitest';

import { organisationVid, type OrganisationNode } from './organisation.js';

const enhet = (foralderKod: string, giltigFran: string): OrganisationNode => ({
  kod: '41230',
  namn: 'Barn och unga öppenvård',
  niva: 'enhet',
  foralderKod,
  chef: { anvandarId: 'johan.nilsson', namn: 'Johan Nilsson' },
  giltigFran,
});

describe('organisationVid: the tree as it stood on a date', () => {
  const versioner = [enhet('SN-A1', '2026-01-01'), enhet('SN-A2', '2026-09-01')];

  it.each([
    ['before the unit existed', '2025-12-31', undefined],
    ['the day it was created', '2026-01-01', 'SN-A1'],
    ['a report for August keeps the earlier tree', '2026-08-31', 'SN-A1'],
    ['the move takes effect on its date', '2026-09-01', 'SN-A2'],
    ['and holds after it', '2027-03-01', 'SN-A2'],
  ])('%s (%s)', (_, datum, foralder) => {
    expect(organisationVid(versioner, datum)[0]?.foralderKod).toBe(foralder);
  });
});
