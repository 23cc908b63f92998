import { Body, Controller, Get, Inject, Param, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { investeringsprojektRequestSchema } from '@tertial/contracts/dto';
import { arSchema } from '@tertial/contracts/prognos';
import {
  Anvandare,
  Atkomst,
  CorrelationId,
  ingenBehorighet,
  OmfangService,
  openApiSchema,
  parseRequest,
  type Principal,
  PROBLEM_RESPONSE,
} from '@tertial/service-kit';
import { z } from 'zod';

import { InvesteringarService } from './investeringar.service.js';

const planQuerySchema = z.object({
  namnd: z.string().max(20).optional(),
  forstaAr: z.coerce.number().pipe(arSchema).default(new Date().getFullYear()),
});
const idSchema = z.string().regex(/^[\w-]{1,100}$/, 'ett projekt-id består av bokstäver, siffror och bindestreck');

@ApiTags('investeringar')
@Controller('investeringar')
export class InvesteringarController {
  constructor(
    @Inject(InvesteringarService) private readonly investeringar: InvesteringarService,
    @Inject(OmfangService) private readonly omfang: OmfangService,
  ) {}

  @Get()
  @Atkomst('ekonomidirektor', 'forvaltningsekonom')
  @ApiOperation({
    summary:
      'Den rullande sjuåriga investeringsplanen för en nämnd (eller hela staden): projekten och budget, utfall, prognos och avvikelse per år',
  })
  @ApiQuery({ name: 'namnd', required: false })
  @ApiQuery({ name: 'forstaAr', required: false, type: Number })
  async plan(@Query() query: unknown, @Anvandare() principal: Principal) {
    const { namnd, forstaAr } = parseRequest(planQuerySchema, query, 'Ogiltig fråga');
    // The whole city's plan is the ekonomidirektör's; a förvaltningsekonom reads the plan of their own nämnd.
    const omfang = await this.omfang.for(principal);
    if (!omfang.alla && !namnd) throw ingenBehorighet();
    if (namnd) omfang.kravNamnd(namnd);
    return this.investeringar.plan(namnd, forstaAr);
  }

  @Put(':id')
  @Atkomst('ekonomidirektor')
  @ApiOperation({ summary: 'Spara ett investeringsprojekt; över 3 mnkr krävs motiv, över 15 mnkr även hållbarhetsbedömning' })
  @ApiBody({ schema: openApiSchema(investeringsprojektRequestSchema, 'input') })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 422, ...PROBLEM_RESPONSE })
  spara(
    @Param('id') id: string,
    @Body() body: unknown,
    @Query() query: unknown,
    @Anvandare() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    const { forstaAr } = parseRequest(planQuerySchema, query, 'Ogiltig fråga');
    const projektId = parseRequest(idSchema, id, 'Ogiltigt id');
    const request = parseRequest(investeringsprojektRequestSchema, body, 'Ogiltigt investeringsprojekt');
    return this.investeringar.spara(projektId, request, forstaAr, principal, correlationId);
  }
}
