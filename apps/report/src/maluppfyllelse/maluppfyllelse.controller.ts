import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  maluppfyllelseNamndDetaljSchema,
  maluppfyllelseOversiktSchema,
  UPPFOLJNINGSTILLFALLEN,
  uppfoljningstillfalleSchema,
} from '@tertial/contracts/dto';
import { arSchema } from '@tertial/contracts/prognos';
import { Anvandare, Atkomst, MEDARBETARE, openApiSchema, parseRequest, PROBLEM_RESPONSE, type Principal } from '@tertial/service-kit';
import { z } from 'zod';

import { MaluppfyllelseService } from './maluppfyllelse.service.js';

const uppfoljningSchema = z.object({
  ar: z.coerce.number({ error: 'ska vara ett årtal' }).pipe(arSchema),
  tillfalle: uppfoljningstillfalleSchema,
});
const namndSchema = uppfoljningSchema.extend({ kod: z.string().min(1).max(20, 'en kod har högst 20 tecken') });

@ApiTags('maluppfyllelse')
@ApiParam({ name: 'ar', type: Number, example: 2026 })
@ApiParam({ name: 'tillfalle', enum: [...UPPFOLJNINGSTILLFALLEN] })
@Controller('maluppfyllelse/:ar/:tillfalle')
export class MaluppfyllelseController {
  constructor(@Inject(MaluppfyllelseService) private readonly maluppfyllelse: MaluppfyllelseService) {}

  @Get()
  @Atkomst(...MEDARBETARE)
  @ApiOperation({
    summary:
      'Måluppfyllelsen vid uppföljningen: per nämnd och bolag antalet mål per bedömning bredvid nämndens prognosavvikelse, och för staden (för den som ser hela staden)',
  })
  @ApiOkResponse({ schema: openApiSchema(maluppfyllelseOversiktSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  oversikt(@Param() params: unknown, @Anvandare() principal: Principal) {
    const { ar, tillfalle } = parseRequest(uppfoljningSchema, params, 'Ogiltig fråga');
    return this.maluppfyllelse.oversikt(ar, tillfalle, principal);
  }

  @Get('namnder/:kod')
  @Atkomst(...MEDARBETARE)
  @ApiOperation({ summary: 'En nämnds eller ett bolags inriktning och mål vid uppföljningen, vart och ett med förslag och beslut' })
  @ApiParam({ name: 'kod', description: 'nämndens eller bolagets kod', example: 'SN' })
  @ApiOkResponse({ schema: openApiSchema(maluppfyllelseNamndDetaljSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 403, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 404, ...PROBLEM_RESPONSE })
  namnd(@Param() params: unknown, @Anvandare() principal: Principal) {
    const { ar, tillfalle, kod } = parseRequest(namndSchema, params, 'Ogiltig fråga');
    return this.maluppfyllelse.namnd(ar, tillfalle, kod, principal);
  }
}
