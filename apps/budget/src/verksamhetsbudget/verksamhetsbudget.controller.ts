import { Body, Controller, Get, Headers, Inject, Param, Put, Res } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { verksamhetsbudgetRequestSchema, verksamhetsbudgetSchema } from '@tertial/contracts/dto';
import { ansvarKodSchema } from '@tertial/contracts/organisation';
import { arSchema } from '@tertial/contracts/prognos';
import {
  Anvandare,
  Atkomst,
  CorrelationId,
  OmfangService,
  openApiSchema,
  parseRequest,
  PROBLEM_RESPONSE,
  type Principal,
} from '@tertial/service-kit';
import type { Response } from 'express';
import { z } from 'zod';

import { VerksamhetsbudgetService } from './verksamhetsbudget.service.js';

const paramsSchema = z.object({ ansvar: ansvarKodSchema, ar: z.coerce.number().pipe(arSchema) });

@ApiTags('verksamhetsbudget')
@Controller('verksamhetsbudgetar')
export class VerksamhetsbudgetController {
  constructor(
    @Inject(VerksamhetsbudgetService) private readonly verksamhetsbudgetar: VerksamhetsbudgetService,
    @Inject(OmfangService) private readonly omfang: OmfangService,
  ) {}

  @Get(':ansvar/:ar')
  @Atkomst('chef', 'forvaltningsekonom', 'ekonomidirektor')
  @ApiOperation({
    summary:
      'Ansvarets verksamhetsbudget för året: internbudgeten per kontogrupp och månad, som chefen fördelat den eller enligt fjolårets mönster',
  })
  @ApiOkResponse({ schema: openApiSchema(verksamhetsbudgetSchema), headers: { ETag: { schema: { type: 'string' } } } })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 404, ...PROBLEM_RESPONSE })
  async hamta(@Param() params: unknown, @Anvandare() principal: Principal, @Res({ passthrough: true }) res: Response) {
    const { ansvar, ar } = parseRequest(paramsSchema, params, 'Ogiltig fråga');
    (await this.omfang.for(principal)).kravSer(ansvar);
    const budget = await this.verksamhetsbudgetar.hamta(ansvar, ar);
    res.setHeader('ETag', budget.etag);
    return budget;
  }

  @Put(':ansvar/:ar')
  @Atkomst('chef')
  @ApiOperation({
    summary:
      'Chefens verksamhetsbudget för ett av sina ansvar: belopp per kontogrupp fördelade jämnt eller efter fjolåret, eller tolv månader för hand; ska gå jämnt ut med internbudgeten',
  })
  @ApiBody({ schema: openApiSchema(verksamhetsbudgetRequestSchema, 'input') })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description:
      'Den ETag man utgår från (från GET eller senaste sparningen); krävs när chefen redan sparat en (428 annars, 412 om inaktuell)',
  })
  @ApiOkResponse({ schema: openApiSchema(verksamhetsbudgetSchema), headers: { ETag: { schema: { type: 'string' } } } })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 403, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 412, ...PROBLEM_RESPONSE, description: 'Inaktuell If-Match: svaret har den aktuella i `aktuell`' })
  @ApiResponse({ status: 422, ...PROBLEM_RESPONSE, description: 'Går inte jämnt ut med internbudgeten; skillnaden anges' })
  @ApiResponse({ status: 428, ...PROBLEM_RESPONSE, description: 'If-Match saknas fast chefen redan sparat en' })
  async spara(
    @Param() params: unknown,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Anvandare() principal: Principal,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { ansvar, ar } = parseRequest(paramsSchema, params, 'Ogiltig fråga');
    (await this.omfang.for(principal)).kravEget(ansvar);
    const request = parseRequest(verksamhetsbudgetRequestSchema, body, 'Ogiltig verksamhetsbudget');
    const budget = await this.verksamhetsbudgetar.spara(ansvar, ar, request, ifMatch, principal, correlationId);
    res.setHeader('ETag', budget.etag);
    return budget;
  }
}
