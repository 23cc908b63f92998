import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { MinaPaminnelser, PaminnelseSvar, Saknade } from '@tertial/contracts/dto';
import type { Prognostillfalle } from '@tertial/contracts/prognos';
import { ProblemException, type Principal } from '@tertial/service-kit';
import { randomUUID } from 'node:crypto';

import { Paminnelse } from './paminnelse.entity.js';
import { UppfoljningService } from './uppfoljning.service.js';

/** The most reminders a chef's list shows. */
const MINA_HOGST = 50;

/**
 * Reminders to the chefs whose forecast is missing from an open round. The förvaltningsekonom (or the
 * ekonomidirektör) sends them from the missing list of a node they may see; each is kept with who sent it and when,
 * the missing list says when each ansvar was last reminded, and the chef sees theirs on the forecast page.
 */
@Injectable()
export class PaminnelserService {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(UppfoljningService) private readonly uppfoljning: UppfoljningService,
  ) {}

  /**
   * Reminds the chef of each ansvar below `kod` whose forecast is missing (or of those of them in `ansvar`). All or
   * nothing: an ansvar that is not missing below the node refuses the whole reminder, and nothing is stored.
   */
  async skicka(
    ar: number,
    tillfalle: Prognostillfalle,
    kod: string,
    begaran: { meddelande: string | null; ansvar?: string[] | undefined },
    principal: Principal,
  ): Promise<PaminnelseSvar> {
    const { saknade, omgang } = await this.uppfoljning.saknadeIOmgangen(ar, tillfalle, kod, principal);
    if (omgang?.status !== 'oppen') {
      throw new ProblemException(409, 'Omgången är inte öppen', `Prognosomgången ${tillfalle} ${ar} är inte öppen: ingen prognos väntas.`, [
        { field: 'tillfalle', message: `omgången ${tillfalle} ${ar} är ${omgang ? 'stängd' : 'inte öppnad'}` },
      ]);
    }
    const valda = this.valda(saknade, begaran.ansvar);
    if (valda.length === 0) {
      throw new ProblemException(409, 'Inga prognoser saknas', `Inga prognoser saknas under ${saknade.namn}: ingen att påminna.`, [
        { field: 'kod', message: `inga prognoser saknas under ${saknade.kod}` },
      ]);
    }
    const skickadAt = new Date();
    const medChef = valda.filter((rad) => rad.chef !== null);
    if (medChef.length > 0) {
      await this.orm.em.fork().insertMany(
        Paminnelse,
        medChef.map((rad) => ({
          id: randomUUID(),
          ar,
          tillfalle,
          ansvar: rad.ansvar,
          chefId: rad.chef!.anvandarId,
          chefNamn: rad.chef!.namn,
          meddelande: begaran.meddelande,
          skickadAvId: principal.id,
          skickadAvNamn: principal.namn,
          skickadAt,
        })),
      );
    }
    return {
      ar,
      tillfalle,
      kod: saknade.kod,
      skickadAt: skickadAt.toISOString(),
      skickade: medChef.map((rad) => ({ ansvar: rad.ansvar, namn: rad.namn, chef: rad.chef! })),
      utanChef: valda.filter((rad) => rad.chef === null).map((rad) => ({ ansvar: rad.ansvar, namn: rad.namn })),
    };
  }

  /** The missing ansvar below a node (as `UppfoljningService.saknade`), each with when it was last reminded and by whom. */
  async saknade(ar: number, tillfalle: Prognostillfalle, kod: string, principal: Principal): Promise<Saknade> {
    return this.medSenastePaminnelse(await this.uppfoljning.saknade(ar, tillfalle, kod, principal));
  }

  private async medSenastePaminnelse(saknade: Saknade): Promise<Saknade> {
    if (saknade.saknade.length === 0) return saknade;
    const paminnelser = await this.orm.em
      .fork()
      .find(
        Paminnelse,
        { ar: saknade.ar, tillfalle: saknade.tillfalle },
        { orderBy: { skickadAt: 'desc' }, fields: ['ansvar', 'skickadAvNamn', 'skickadAt'], disableIdentityMap: true },
      );
    const senaste = new Map<string, { at: string; av: string }>();
    for (const paminnelse of paminnelser) {
      if (!senaste.has(paminnelse.ansvar))
        senaste.set(paminnelse.ansvar, { at: paminnelse.skickadAt.toISOString(), av: paminnelse.skickadAvNamn });
    }
    return { ...saknade, saknade: saknade.saknade.map((rad) => ({ ...rad, paminnad: senaste.get(rad.ansvar) ?? null })) };
  }

  /** The reminders the signed-in person has had as chef in the round, newest first. */
  async mina(ar: number, tillfalle: Prognostillfalle, principal: Principal): Promise<MinaPaminnelser> {
    const paminnelser = await this.orm.em
      .fork()
      .find(
        Paminnelse,
        { chefId: principal.id, ar, tillfalle },
        { orderBy: { skickadAt: 'desc' }, limit: MINA_HOGST, disableIdentityMap: true },
      );
    return {
      ar,
      tillfalle,
      paminnelser: paminnelser.map((paminnelse) => ({
        ansvar: paminnelse.ansvar,
        meddelande: paminnelse.meddelande ?? null,
        av: paminnelse.skickadAvNamn,
        at: paminnelse.skickadAt.toISOString(),
      })),
    };
  }

  /** Every missing ansvar, or those named, each of which must be missing below the node. */
  private valda(saknade: Saknade, ansvar: string[] | undefined): Saknade['saknade'] {
    if (!ansvar) return saknade.saknade;
    const perKod = new Map(saknade.saknade.map((rad) => [rad.ansvar, rad]));
    const fel = ansvar.flatMap((kod, index) =>
      perKod.has(kod) ? [] : [{ field: `ansvar[${index}]`, message: `${kod} saknar ingen prognos under ${saknade.kod} i omgången` }],
    );
    if (fel.length > 0) {
      throw new ProblemException(
        422,
        'Ansvar som inte saknas',
        `${fel.length} av ansvaren saknar ingen prognos under ${saknade.namn}; ingen påminnelse skickades.`,
        fel.slice(0, 100),
      );
    }
    return [...new Set(ansvar)].map((kod) => perKod.get(kod)!);
  }
}
