import type { MikroORM } from '@mikro-orm/core';
import type { OrganisationNode } from '@tertial/contracts/organisation';
import { describe, expect, it, vi } from 'vitest';

import { OrganisationReplica } from './organisation-replica.service.js';

const nod = (kod: string): OrganisationNode => ({ kod, namn: kod, niva: 'namnd', foralderKod: null, chef: null, giltigFran: '2026-01-01' });

function replikaSomLaser(...svar: Array<OrganisationNode[] | Error>) {
  const replika = new OrganisationReplica({} as MikroORM);
  const las = vi.spyOn(replika, 'allNodes');
  for (const s of svar) las.mockImplementationOnce(() => (s instanceof Error ? Promise.reject(s) : Promise.resolve(s)));
  return { replika, las };
}

describe('OrganisationReplica.tradVid', () => {
  it('reads a day once and hands every reader the same tree until the organisation changes', async () => {
    const { replika, las } = replikaSomLaser([nod('KS')], [nod('KS'), nod('SN')]);
    const forsta = replika.tradVid('2026-08-31');
    expect(replika.tradVid('2026-08-31')).toBe(forsta);
    expect(await forsta).toEqual([nod('KS')]);
    expect(las).toHaveBeenCalledTimes(1);

    replika.changed$.next();
    const efter = replika.tradVid('2026-08-31');
    expect(efter).not.toBe(forsta);
    expect(await efter).toEqual([nod('KS'), nod('SN')]);
    expect(las).toHaveBeenCalledTimes(2);
  });

  it('keeps each day apart', async () => {
    const { replika, las } = replikaSomLaser([nod('A')], [nod('B')]);
    expect(await replika.tradVid('2026-04-30')).toEqual([nod('A')]);
    expect(await replika.tradVid('2026-08-31')).toEqual([nod('B')]);
    expect(las.mock.calls.map((anrop) => anrop[0])).toEqual(['2026-04-30', '2026-08-31']);
  });

  it('does not keep a read that failed: the next reader reads again', async () => {
    const { replika, las } = replikaSomLaser(new Error('databasen svarar inte'), [nod('KS')]);
    await expect(replika.tradVid('2026-08-31')).rejects.toThrow('databasen svarar inte');
    expect(await replika.tradVid('2026-08-31')).toEqual([nod('KS')]);
    expect(las).toHaveBeenCalledTimes(2);
  });
});
