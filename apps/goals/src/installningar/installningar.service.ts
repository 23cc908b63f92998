import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/core';
import {
  bedomningsreglerSchema,
  jamforelsegruppSchema,
  STANDARDREGLER,
  type Bedomningsregler,
  type Jamforelsegrupp,
} from '@tertial/contracts/dto';
import type { Principal } from '@tertial/service-kit';

import { Installning } from './installning.entity.js';

/** The comparison group before the city has chosen one: large municipalities like Helsingborg in size and structure. */
export const STANDARDGRUPP: Jamforelsegrupp = {
  namn: 'Jämförbara större kommuner',
  kommuner: [
    { kod: '0580', namn: 'Linköping' },
    { kod: '0581', namn: 'Norrköping' },
    { kod: '0680', namn: 'Jönköping' },
    { kod: '1281', namn: 'Lund' },
    { kod: '1880', namn: 'Örebro' },
    { kod: '1980', namn: 'Västerås' },
  ],
};

const NYCKLAR = { regler: 'bedomningsregler', grupp: 'kolada-jamforelsegrupp' } as const;

/** The settings the city changes: the rules of måluppfyllelse and the Kolada comparison group, each with a default. */
@Injectable()
export class InstallningarService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  async regler(em: EntityManager = this.orm.em.fork()): Promise<Bedomningsregler> {
    const rad = await em.findOne(Installning, { nyckel: NYCKLAR.regler });
    return rad ? bedomningsreglerSchema.parse(rad.varde) : STANDARDREGLER;
  }

  async jamforelsegrupp(em: EntityManager = this.orm.em.fork()): Promise<Jamforelsegrupp> {
    const rad = await em.findOne(Installning, { nyckel: NYCKLAR.grupp });
    return rad ? jamforelsegruppSchema.parse(rad.varde) : STANDARDGRUPP;
  }

  async spara(
    em: EntityManager,
    vad: keyof typeof NYCKLAR,
    varde: Bedomningsregler | Jamforelsegrupp,
    principal: Principal,
  ): Promise<unknown> {
    const fore = await em.findOne(Installning, { nyckel: NYCKLAR[vad] });
    await em.upsert(Installning, {
      nyckel: NYCKLAR[vad],
      varde,
      andradAvId: principal.id,
      andradAvNamn: principal.namn,
      andradAt: new Date(),
    });
    return fore?.varde ?? null;
  }
}
