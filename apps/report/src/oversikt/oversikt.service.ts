import { Inject, Injectable } from '@nestjs/common';
import type { Oversikt, OversiktTillfalle } from '@tertial/contracts/dto';
import type { Principal } from '@tertial/service-kit';

import { MaluppfyllelseService } from '../maluppfyllelse/maluppfyllelse.service.js';
import { PrognossakerhetService } from '../prognossakerhet/prognossakerhet.service.js';
import { PrognosTotalerService } from '../prognos-totaler/prognos-totaler.service.js';
import { ResultatService } from '../resultat/resultat.service.js';
import { sammanstallOversikt } from './oversikt.js';

/** The ekonomidirektör's consolidated view: the report service's own answers, read at once and put together. */
@Injectable()
export class OversiktService {
  constructor(
    @Inject(PrognosTotalerService) private readonly totaler: PrognosTotalerService,
    @Inject(ResultatService) private readonly resultat: ResultatService,
    @Inject(PrognossakerhetService) private readonly prognossakerhet: PrognossakerhetService,
    @Inject(MaluppfyllelseService) private readonly maluppfyllelse: MaluppfyllelseService,
  ) {}

  async oversikt(ar: number, tillfalle: OversiktTillfalle, principal: Principal): Promise<Oversikt> {
    const [totaler, resultatrakning, prognossakerhet, mal] = await Promise.all([
      this.totaler.totaler(ar, tillfalle),
      this.resultat.resultatrakning(ar),
      this.prognossakerhet.prognossakerhet(ar),
      this.maluppfyllelse.oversikt(ar, tillfalle, principal),
    ]);
    return sammanstallOversikt(ar, tillfalle, { totaler, resultatrakning, prognossakerhet, mal });
  }
}
