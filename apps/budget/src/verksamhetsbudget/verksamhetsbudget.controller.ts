import { Body, Controller, Get, Inject, Param, Put } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
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
  @ApiOkResponse({ schema: openApiSchema(verksamhetsbudgetSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 404, ...PROBLEM_RESPONSE })
  async hamta(@Param() params: unknown, @Anvandare() principal: Principal) {
    const { ansvar, ar } = parseRequest(paramsSchema, params, 'Ogiltig fråga');
    (await this.omfang.for(principal)).kravSer(ansvar);
    return this.verksamhetsbudgetar.hamta(ansvar, ar);
  }

  @Put(':ansvar/:ar')
  @Atkomst('chef')
  @ApiOperation({
    summary:
      'Chefens verksamhetsbudget för ett av sina ansvar: belopp per kontogrupp fördelade jämnt eller efter fjolåret, eller tolv månader för hand; ska gå jämnt ut med internbudgeten',
  })
  @ApiBody({ schema: openApiSchema(verksamhetsbudgetRequestSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(verksamhetsbudgetSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 403, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 422, ...PROBLEM_RESPONSE, description: 'Går inte jämnt ut med internbudgeten; skillnaden anges' })
  async spara(@Param() params: unknown, @Body() body: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    const { ansvar, ar } = parseRequest(paramsSchema, params, 'Ogiltig fråga');
    (await this.omfang.for(principal)).kravEget(ansvar);
    const request = parseRequest(verksamhetsbudgetRequestSchema, body, 'Ogiltig verksamhetsbudget');
    return this.verksamhetsbudgetar.spara(ansvar, ar, request, principal, correlationId);
  }
}
