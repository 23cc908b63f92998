import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  andraMalRequestSchema,
  avslutaMalRequestSchema,
  malSchema,
  malstatusSchema,
  malversionSchema,
  skapaMalRequestSchema,
} from '@tertial/contracts/dto';
import { arSchema } from '@tertial/contracts/prognos';
import { Anvandare, Atkomst, CorrelationId, openApiSchema, parseRequest, PROBLEM_RESPONSE, type Principal } from '@tertial/service-kit';
import { z } from 'zod';

import { MalService } from './mal.service.js';

const listQuerySchema = z.object({
  namnd: z.string().optional(),
  ar: z.coerce.number().pipe(arSchema).optional(),
  status: malstatusSchema.optional(),
});
export const idSchema = z.object({ id: z.uuid({ error: 'ska vara ett id' }) });
const LASARE = ['chef', 'forvaltningsekonom', 'processledare', 'ekonomidirektor'] as const;

@ApiTags('mål')
@Controller('mal')
export class MalController {
  constructor(@Inject(MalService) private readonly mal: MalService) {}

  @Get()
  @Atkomst(...LASARE)
  @ApiOperation({ summary: 'Målen för de nämnder man arbetar i och bolagens (ekonomidirektören: alla)' })
  @ApiQuery({ name: 'namnd', required: false })
  @ApiQuery({ name: 'ar', required: false, type: Number })
  @ApiQuery({ name: 'status', required: false, enum: ['aktivt', 'avslutat'] })
  @ApiOkResponse({ schema: openApiSchema(z.array(malSchema)) })
  lista(@Query() query: unknown, @Anvandare() principal: Principal) {
    return this.mal.lista(parseRequest(listQuerySchema, query, 'Ogiltig fråga'), principal);
  }

  @Get(':id')
  @Atkomst(...LASARE)
  @ApiOperation({ summary: 'Ett mål' })
  @ApiOkResponse({ schema: openApiSchema(malSchema) })
  hamta(@Param() params: unknown, @Anvandare() principal: Principal) {
    return this.mal.hamta(parseRequest(idSchema, params, 'Ogiltigt mål').id, principal);
  }

  @Get(':id/versioner')
  @Atkomst(...LASARE)
  @ApiOperation({ summary: 'Målets alla versioner, äldst först: vem, när och vilket KF-beslut' })
  @ApiOkResponse({ schema: openApiSchema(z.array(malversionSchema)) })
  versioner(@Param() params: unknown, @Anvandare() principal: Principal) {
    return this.mal.versioner(parseRequest(idSchema, params, 'Ogiltigt mål').id, principal);
  }

  @Post()
  @HttpCode(201)
  @Atkomst('processledare', 'ekonomidirektor')
  @ApiOperation({ summary: 'KF har beslutat ett mål för en nämnd eller ett bolag (högst tre aktiva åt gången)' })
  @ApiBody({ schema: openApiSchema(skapaMalRequestSchema, 'input') })
  @ApiCreatedResponse({ schema: openApiSchema(malSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 409, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 422, ...PROBLEM_RESPONSE })
  skapa(@Body() body: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    return this.mal.skapa(parseRequest(skapaMalRequestSchema, body, 'Ogiltigt mål'), principal, correlationId);
  }

  @Put(':id')
  @Atkomst('processledare', 'ekonomidirektor')
  @ApiOperation({ summary: 'KF har ändrat målet: en ny version med beslutet' })
  @ApiBody({ schema: openApiSchema(andraMalRequestSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(malSchema) })
  @ApiResponse({ status: 409, ...PROBLEM_RESPONSE })
  andra(@Param() params: unknown, @Body() body: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    const { id } = parseRequest(idSchema, params, 'Ogiltigt mål');
    return this.mal.andra(id, parseRequest(andraMalRequestSchema, body, 'Ogiltig ändring'), principal, correlationId);
  }

  @Post(':id/avsluta')
  @HttpCode(200)
  @Atkomst('processledare', 'ekonomidirektor')
  @ApiOperation({ summary: 'KF har avslutat målet; det räknas inte längre bland de tre' })
  @ApiBody({ schema: openApiSchema(avslutaMalRequestSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(malSchema) })
  @ApiResponse({ status: 409, ...PROBLEM_RESPONSE })
  avsluta(@Param() params: unknown, @Body() body: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    const { id } = parseRequest(idSchema, params, 'Ogiltigt mål');
    return this.mal.avsluta(id, parseRequest(avslutaMalRequestSchema, body, 'Ogiltigt avslut'), principal, correlationId);
  }
}
