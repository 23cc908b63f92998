import { Body, Controller, Get, Inject, Param, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { bolagsbudgetRequestSchema, bolagsbudgetSchema, bolagskodSchema } from '@tertial/contracts/dto';
import { arSchema } from '@tertial/contracts/prognos';
import { Anvandare, Atkomst, CorrelationId, openApiSchema, parseRequest, type Principal, PROBLEM_RESPONSE } from '@tertial/service-kit';
import { z } from 'zod';

import { BolagService } from './bolag.service.js';

const arQuerySchema = z.object({ ar: z.coerce.number().pipe(arSchema).default(new Date().getFullYear()) });
const budgetParamsSchema = z.object({ bolag: bolagskodSchema, ar: z.coerce.number().pipe(arSchema) });

@ApiTags('bolag')
@Controller('bolag')
export class BolagController {
  constructor(@Inject(BolagService) private readonly bolag: BolagService) {}

  @Get('budget')
  @Atkomst('ekonomidirektor', 'bolagsekonom')
  @ApiOperation({
    summary: 'Bolagens budgetar för ett år (från affärsplanerna): alla för ekonomidirektören, det egna bolagets för dess ekonomichef',
  })
  @ApiQuery({ name: 'ar', required: false, type: Number })
  @ApiOkResponse({ schema: openApiSchema(z.array(bolagsbudgetSchema)) })
  budgetar(@Query() query: unknown, @Anvandare() principal: Principal) {
    return this.bolag.budgetar(parseRequest(arQuerySchema, query, 'Ogiltig fråga').ar, principal);
  }

  @Put(':bolag/budget/:ar')
  @Atkomst('ekonomidirektor', 'bolagsekonom')
  @ApiOperation({
    summary: 'Spara bolagets budget för året (från affärsplanen): intäkter, kostnader, resultat efter finansiella poster, investeringar',
  })
  @ApiParam({ name: 'bolag', example: 'HBGHEM' })
  @ApiParam({ name: 'ar', example: 2026 })
  @ApiBody({ schema: openApiSchema(bolagsbudgetRequestSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(bolagsbudgetSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  sparaBudget(@Param() params: unknown, @Body() body: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    const { bolag, ar } = parseRequest(budgetParamsSchema, params, 'Ogiltig adress');
    const request = parseRequest(bolagsbudgetRequestSchema, body, 'Ogiltig budget');
    return this.bolag.sparaBudget(bolag, ar, request, principal, correlationId);
  }
}
