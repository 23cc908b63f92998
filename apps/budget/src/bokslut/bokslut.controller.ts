import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  arsbokslutSchema,
  bokslutRequestSchema,
  bokslutSchema,
  overforingsreglerRequestSchema,
  overforingsreglerSchema,
  resultatoverforingBeslutRequestSchema,
  resultatoverforingBeslutSchema,
} from '@tertial/contracts/dto';
import { arSchema } from '@tertial/contracts/prognos';
import { Anvandare, Atkomst, CorrelationId, openApiSchema, parseRequest, type Principal, PROBLEM_RESPONSE } from '@tertial/service-kit';
import { z } from 'zod';

import { BokslutService } from './bokslut.service.js';

const arParamSchema = z.object({ ar: z.coerce.number().pipe(arSchema) });

@ApiTags('bokslut')
@Controller('bokslut')
export class BokslutController {
  constructor(@Inject(BokslutService) private readonly bokslut: BokslutService) {}

  @Post()
  @Atkomst('ekonomidirektor')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Stäng ett år (bokslut): årets utfall låses och bokslutet per nämnd publiceras',
    description: 'Ett år stängs en gång (409 andra gången). Året behöver en budget och utfall för december (422).',
  })
  @ApiBody({ schema: openApiSchema(bokslutRequestSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(bokslutSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 409, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 422, ...PROBLEM_RESPONSE })
  stang(@Body() body: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    return this.bokslut.stang(parseRequest(bokslutRequestSchema, body, 'Ogiltig begäran').ar, principal, correlationId);
  }

  @Get('overforingsregler')
  @Atkomst('ekonomidirektor')
  @ApiOperation({ summary: 'Stadens regler för resultatöverföring: andelar av över- och underskott, tak och de nämnder reglerna undantar' })
  @ApiOkResponse({ schema: openApiSchema(overforingsreglerSchema) })
  regler() {
    return this.bokslut.regler();
  }

  @Put('overforingsregler')
  @Atkomst('ekonomidirektor')
  @ApiOperation({ summary: 'Ändra stadens regler för resultatöverföring (procentsatser som text)' })
  @ApiBody({ schema: openApiSchema(overforingsreglerRequestSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(overforingsreglerSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 422, ...PROBLEM_RESPONSE })
  sparaRegler(@Body() body: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    return this.bokslut.sparaRegler(parseRequest(overforingsreglerRequestSchema, body, 'Ogiltiga regler'), principal, correlationId);
  }

  @Get(':ar')
  @Atkomst('ekonomidirektor')
  @ApiOperation({ summary: 'Årets bokslut: stängt eller inte, förslaget till resultatöverföring enligt reglerna och KF:s beslut' })
  @ApiParam({ name: 'ar', type: Number, example: 2025 })
  @ApiOkResponse({ schema: openApiSchema(arsbokslutSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  arsbokslut(@Param() params: unknown) {
    return this.bokslut.arsbokslut(parseRequest(arParamSchema, params, 'Ogiltigt år').ar);
  }

  @Post(':ar/resultatoverforing')
  @Atkomst('ekonomidirektor')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Registrera KF:s beslut om resultatöverföring per nämnd (kronor); beloppen förs till nästa års ramar som en tilläggsbudget',
  })
  @ApiParam({ name: 'ar', type: Number, example: 2025 })
  @ApiBody({ schema: openApiSchema(resultatoverforingBeslutRequestSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(resultatoverforingBeslutSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 409, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 422, ...PROBLEM_RESPONSE })
  besluta(@Param() params: unknown, @Body() body: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    const { ar } = parseRequest(arParamSchema, params, 'Ogiltigt år');
    return this.bokslut.besluta(ar, parseRequest(resultatoverforingBeslutRequestSchema, body, 'Ogiltigt beslut'), principal, correlationId);
  }
}
