import type { MikroORM } from '@mikro-orm/core';
import type { OrganisationNode } from '@tertial/contracts/organisation';
import { Subject } from 'rxjs';
import { describe, expect, it, vi } from 'vitest';

import type { Andringsnotis, Andringsnotiser } from '../andringsnotiser/andringsnotiser.js';
import { ORGANISATIONEN_ANDRAD, OrganisationReplica } from './organisation-replica.service.js';

const nod = (kod: string): OrganisationNode => ({ kod, namn: kod, niva: 'namnd', foralderKod: null, chef: null, giltigFran: '2026-01-01' });

function replikaSomLaser(...svar: Array<OrganisationNode[] | Error>) {
  const notiser = new Subject<Andringsnotis>();
  const replika = new OrganisationReplica({} as MikroORM, { andringar$: notiser.asObservable() } as Andringsnotiser);
  const las = vi.spyOn(replika, 'allNodes');
  for (const s of svar) las.mockImplementationOnce(() => (s instanceof Error ? Promise.reject(s) : Promise.resolve(s)));
  return { replika, las, notiser };
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

  it("reads the tree again when another replica changed it, or notices may have been missed, and not for others' notices", async () => {
    const { replika, las, notiser } = replikaSomLaser([nod('KS')], [nod('KS'), nod('SN')], [nod('SN')]);
    const forsta = replika.tradVid('2026-08-31');
    await forsta;
    notiser.next({ typ: 'prognos', ar: 2026 });
    expect(replika.tradVid('2026-08-31')).toBe(forsta);
    notiser.next(ORGANISATIONEN_ANDRAD);
    expect(await replika.tradVid('2026-08-31')).toEqual([nod('KS'), nod('SN')]);
    notiser.next({ typ: 'allt' });
    expect(await replika.tradVid('2026-08-31')).toEqual([nod('SN')]);
    expect(las).toHaveBeenCalledTimes(3);
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
