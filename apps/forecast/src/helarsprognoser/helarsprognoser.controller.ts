import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { arSchema, helarsprognosSchema, lamnaHelarsprognosRequestSchema, prognostillfalleSchema } from '@tertial/contracts';
import { CorrelationId, openApiSchema, parseRequest, PROBLEM_RESPONSE } from '@tertial/service-kit';
import { z } from 'zod';

import { HelarsprognoserService } from './helarsprognoser.service.js';

const aktuellaQuerySchema = z.object({
  ar: z.coerce.number().pipe(arSchema),
  tillfalle: prognostillfalleSchema,
  ansvar: z.string().optional(),
});

@ApiTags('helårsprognoser')
@Controller('helarsprognoser')
export class HelarsprognoserController {
  constructor(@Inject(HelarsprognoserService) private readonly prognoser: HelarsprognoserService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Lämna en helårsprognos för ett ansvar: belopp i kronor per kontogrupp, intäkter och kostnader positiva' })
  @ApiBody({ schema: openApiSchema(lamnaHelarsprognosRequestSchema, 'input') })
  @ApiCreatedResponse({ schema: openApiSchema(helarsprognosSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 422, ...PROBLEM_RESPONSE })
  lamna(@Body() body: unknown, @CorrelationId() correlationId: string) {
    return this.prognoser.lamna(body, correlationId);
  }

  @Get()
  @ApiOperation({ summary: 'De aktuella helårsprognoserna (senaste versionen per ansvar) för ett år och tillfälle' })
  @ApiQuery({ name: 'ar', type: Number, example: 2026 })
  @ApiQuery({ name: 'tillfalle', enum: ['april', 'augusti'] })
  @ApiQuery({ name: 'ansvar', required: false })
  @ApiOkResponse({ schema: openApiSchema(z.array(helarsprognosSchema)) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  aktuella(@Query() query: unknown) {
    const { ar, tillfalle, ansvar } = parseRequest(aktuellaQuerySchema, query, 'Ogiltig fråga');
    return this.prognoser.aktuella(ar, tillfalle, ansvar);
  }

  @Get(':id')
  @ApiOperation({ summary: 'En lämnad helårsprognos' })
  @ApiOkResponse({ schema: openApiSchema(helarsprognosSchema) })
  @ApiResponse({ status: 404, ...PROBLEM_RESPONSE })
  hamta(@Param('id') id: string) {
    return this.prognoser.hamta(id);
  }
}
