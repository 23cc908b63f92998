import type { OrganisationNode } from '@tertial/contracts/organisation';
import { describe, expect, it } from 'vitest';

import { organisationFranCsv, organisationTillCsv } from './organisation-csv.js';

const NODES: OrganisationNode[] = [
  { kod: '1283', namn: 'Helsingborgs stad', niva: 'stad', foralderKod: null, chef: null, giltigFran: '2026-01-01' },
  { kod: 'SN', namn: 'Socialnämnden', niva: 'namnd', foralderKod: '1283', chef: null, giltigFran: '2026-01-01' },
  {
    kod: '41230',
    namn: 'Barn och unga; "öppenvård"',
    niva: 'enhet',
    foralderKod: 'SN-A1',
    chef: { anvandarId: 'johan.nilsson', namn: 'Johan Nilsson' },
    giltigFran: '2026-09-01',
  },
];

describe('the organisation as CSV', () => {
  it('round-trips, semicolons and quotes included', () => {
    const csv = organisationTillCsv(NODES);
    expect(csv.split('\r\n')[0]).toBe('kod;namn;niva;foralder;chef_id;chef_namn;giltig_fran');
    expect(organisationFranCsv(csv)).toEqual({ ok: true, nodes: NODES });
  });

  it('reads what Excel saves: a byte order mark and LF line ends', () => {
    const csv = `\uFEFFkod;namn;niva;foralder;chef_id;chef_namn;giltig_fran\n1283;Helsingborgs stad;stad;;;;2026-01-01\n`;
    expect(organisationFranCsv(csv)).toMatchObject({ ok: true, nodes: [{ kod: '1283', niva: 'stad' }] });
  });

  it.each([
    ['a missing column', 'kod;namn;niva\n1;x;stad\n', 1, '(rubrik)'],
    [
      'an unknown level',
      'kod;namn;niva;foralder;chef_id;chef_namn;giltig_fran\n1283;Stad;stad;;;;2026-01-01\nSN;Social;kommun;1283;;;2026-01-01\n',
      3,
      'niva',
    ],
    ['a bad date', 'kod;namn;niva;foralder;chef_id;chef_namn;giltig_fran\n1283;Stad;stad;;;;1 januari\n', 2, 'giltigFran'],
  ])('names the line of %s', (_, csv, rad, falt) => {
    const result = organisationFranCsv(csv);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fel[0]).toMatchObject({ rad, falt });
  });
});
