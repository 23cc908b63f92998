import { Inject, Injectable } from '@nestjs/common';
import type { Oversikt, OversiktTillfalle } from '@tertial/contracts/dto';
import type { Principal } from '@tertial/service-kit';

import { MaluppfyllelseService } from '../maluppfyllelse/maluppfyllelse.service.js';
import { PrognossakerhetService } from '../prognossakerhet/prognossakerhet.service.js';
import { PrognosTotalerService } from '../prognos-totaler/prognos-totaler.service.js';
import { ResultatService } from '../resultat/resultat.service.js';
import { UppfoljningService } from '../uppfoljning/uppfoljning.service.js';
import { sammanstallOversikt } from './oversikt.js';

/** The ekonomidirektör's consolidated view: the report service's own answers, read at once and put together. */
@Injectable()
export class OversiktService {
  constructor(
    @Inject(PrognosTotalerService) private readonly totaler: PrognosTotalerService,
    @Inject(ResultatService) private readonly resultat: ResultatService,
    @Inject(PrognossakerhetService) private readonly prognossakerhet: PrognossakerhetService,
    @Inject(MaluppfyllelseService) private readonly maluppfyllelse: MaluppfyllelseService,
    @Inject(UppfoljningService) private readonly uppfoljning: UppfoljningService,
  ) {}

  async oversikt(ar: number, tillfalle: OversiktTillfalle, principal: Principal): Promise<Oversikt> {
    const [totaler, resultatrakning, prognossakerhet, mal, bild] = await Promise.all([
      this.totaler.totaler(ar, tillfalle),
      // Only the two columns the walk goes between.
      this.resultat.resultatrakning(ar, ['budget', tillfalle]),
      this.prognossakerhet.prognossakerhet(ar),
      this.maluppfyllelse.oversikt(ar, tillfalle, principal),
      this.uppfoljning.bild(ar, tillfalle),
    ]);
    const medPrognos = bild.omgang !== null || bild.finnsPrognos;
    const rollupAvvikelse = (kod: string) => {
      const nod = medPrognos ? bild.rollup.noder.get(kod) : undefined;
      return nod && nod.avvikelseAntalAnsvar > 0 ? nod.avvikelseOre : undefined;
    };
    return sammanstallOversikt(ar, tillfalle, { totaler, resultatrakning, prognossakerhet, mal, rollupAvvikelse });
  }
}
