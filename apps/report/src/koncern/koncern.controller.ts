import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  koncerndelSchema,
  koncerninternImportResultatSchema,
  koncerninterntBeloppRequestSchema,
  koncerninterntBeloppSchema,
  koncerninterntSlagSchema,
  koncernoversiktSchema,
} from '@tertial/contracts/dto';
import { arSchema, prognostillfalleSchema } from '@tertial/contracts/prognos';
import {
  Anvandare,
  Atkomst,
  CorrelationId,
  openApiSchema,
  parseRequest,
  type Principal,
  PROBLEM_RESPONSE,
  ProblemException,
} from '@tertial/service-kit';
import { z } from 'zod';

import { KoncernService } from './koncern.service.js';

const oversiktParamsSchema = z.object({ ar: z.coerce.number().pipe(arSchema), tillfalle: prognostillfalleSchema });
const arQuerySchema = z.object({ ar: z.coerce.number().pipe(arSchema).default(new Date().getFullYear()) });
const postParamsSchema = z.object({
  ar: z.coerce.number().pipe(arSchema),
  saljare: koncerndelSchema,
  kopare: koncerndelSchema,
  slag: koncerninterntSlagSchema,
});
const importQuerySchema = z.object({ dryRun: z.enum(['true', 'false']).default('false') });

@ApiTags('koncern')
@Controller('koncern')
export class KoncernController {
  constructor(@Inject(KoncernService) private readonly koncern: KoncernService) {}

  @Get('interna')
  @Atkomst('ekonomidirektor')
  @ApiOperation({ summary: 'Årets koncerninterna belopp: vad koncernens delar köpt av och sålt till varandra' })
  @ApiQuery({ name: 'ar', required: false, type: Number })
  @ApiOkResponse({ schema: openApiSchema(z.array(koncerninterntBeloppSchema)) })
  interna(@Query() query: unknown) {
    return this.koncern.interna(parseRequest(arQuerySchema, query, 'Ogiltig fråga').ar);
  }

  @Put('interna')
  @Atkomst('ekonomidirektor')
  @ApiOperation({ summary: 'Spara ett koncerninternt belopp för året; samma år, säljare, köpare och slag ersätter det tidigare' })
  @ApiBody({ schema: openApiSchema(koncerninterntBeloppRequestSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(koncerninterntBeloppSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  sparaInternt(@Body() body: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    const request = parseRequest(koncerninterntBeloppRequestSchema, body, 'Ogiltigt koncerninternt belopp');
    return this.koncern.sparaInternt(request, principal, correlationId);
  }

  @Delete('interna/:ar/:saljare/:kopare/:slag')
  @Atkomst('ekonomidirektor')
  @HttpCode(204)
  @ApiOperation({ summary: 'Ta bort ett koncerninternt belopp' })
  @ApiResponse({ status: 404, ...PROBLEM_RESPONSE })
  async taBortInternt(@Param() params: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    await this.koncern.taBortInternt(parseRequest(postParamsSchema, params, 'Ogiltig adress'), principal, correlationId);
  }

  @Post('interna/import')
  @Atkomst('ekonomidirektor')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Koncerninterna belopp från en CSV: ar;saljare;kopare;slag;belopp (semikolon eller komma, belopp i kronor); ersätter filens år',
  })
  @ApiConsumes('text/csv')
  @ApiQuery({ name: 'dryRun', required: false, enum: ['true', 'false'] })
  @ApiOkResponse({ schema: openApiSchema(koncerninternImportResultatSchema) })
  @ApiResponse({ status: 422, ...PROBLEM_RESPONSE })
  importera(@Body() body: unknown, @Query() query: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    const { dryRun } = parseRequest(importQuerySchema, query, 'Ogiltig fråga');
    if (typeof body !== 'string')
      throw new ProblemException(400, 'Ingen CSV', 'Skicka filen med content-type text/csv.', [
        { field: '(body)', message: 'ska vara en CSV-fil' },
      ]);
    return this.koncern.importera(body, dryRun === 'true', principal, correlationId);
  }

  @Get(':ar/:tillfalle')
  @Atkomst('ekonomidirektor')
  @ApiOperation({
    summary:
      'Kommunkoncernen vid en prognosomgång: nämnderna och bolagen sida vid sida och de sammanställda räkenskaperna med elimineringar',
  })
  @ApiParam({ name: 'ar', example: 2026 })
  @ApiParam({ name: 'tillfalle', example: 'augusti' })
  @ApiOkResponse({ schema: openApiSchema(koncernoversiktSchema) })
  oversikt(@Param() params: unknown) {
    const { ar, tillfalle } = parseRequest(oversiktParamsSchema, params, 'Ogiltig adress');
    return this.koncern.oversikt(ar, tillfalle);
  }
}
