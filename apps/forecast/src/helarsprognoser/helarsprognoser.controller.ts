import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  granskaHelarsprognosRequestSchema,
  helarsprognosSchema,
  lamnaHelarsprognosRequestSchema,
  oppnaOmgangRequestSchema,
  prognosomgangSchema,
} from '@tertial/contracts/dto';
import { arSchema, prognostillfalleSchema } from '@tertial/contracts/prognos';
import {
  Anvandare,
  Atkomst,
  CorrelationId,
  MEDARBETARE,
  openApiSchema,
  parseRequest,
  PROBLEM_RESPONSE,
  type Principal,
} from '@tertial/service-kit';
import { z } from 'zod';

import { HelarsprognoserService } from './helarsprognoser.service.js';

const aktuellaQuerySchema = z.object({
  ar: z.coerce.number().pipe(arSchema),
  tillfalle: prognostillfalleSchema,
  ansvar: z.string().optional(),
});
const omgangParamsSchema = z.object({ ar: z.coerce.number().pipe(arSchema), tillfalle: prognostillfalleSchema });

/** A decision's body is optional: approving needs no comment. */
const parseBeslut = (body: unknown) => parseRequest(granskaHelarsprognosRequestSchema, body ?? {}, 'Ogiltigt beslut');

@ApiTags('helårsprognoser')
@Controller('helarsprognoser')
export class HelarsprognoserController {
  constructor(@Inject(HelarsprognoserService) private readonly prognoser: HelarsprognoserService) {}

  @Post()
  @HttpCode(201)
  @Atkomst('chef')
  @ApiOperation({
    summary: 'Lämna en helårsprognos för ett av sina ansvar: belopp i kronor per kontogrupp, intäkter och kostnader positiva',
  })
  @ApiBody({ schema: openApiSchema(lamnaHelarsprognosRequestSchema, 'input') })
  @ApiCreatedResponse({ schema: openApiSchema(helarsprognosSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 409, ...PROBLEM_RESPONSE, description: 'Prognosomgången är inte öppen' })
  @ApiResponse({ status: 422, ...PROBLEM_RESPONSE })
  lamna(@Body() body: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    return this.prognoser.lamna(parseRequest(lamnaHelarsprognosRequestSchema, body, 'Ogiltig helårsprognos'), principal, correlationId);
  }

  @Get()
  @Atkomst('chef', 'forvaltningsekonom', 'ekonomidirektor')
  @ApiOperation({ summary: 'De aktuella helårsprognoserna (senaste versionen per ansvar) för ett år och tillfälle, inom det man ser' })
  @ApiQuery({ name: 'ar', type: Number, example: 2026 })
  @ApiQuery({ name: 'tillfalle', enum: ['april', 'augusti'] })
  @ApiQuery({ name: 'ansvar', required: false })
  @ApiOkResponse({ schema: openApiSchema(z.array(helarsprognosSchema)) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  aktuella(@Query() query: unknown, @Anvandare() principal: Principal) {
    const { ar, tillfalle, ansvar } = parseRequest(aktuellaQuerySchema, query, 'Ogiltig fråga');
    return this.prognoser.aktuella(ar, tillfalle, principal, ansvar);
  }

  @Get(':id')
  @Atkomst('chef', 'forvaltningsekonom', 'ekonomidirektor')
  @ApiOperation({ summary: 'En lämnad helårsprognos' })
  @ApiOkResponse({ schema: openApiSchema(helarsprognosSchema) })
  hamta(@Param('id') id: string, @Anvandare() principal: Principal) {
    return this.prognoser.hamta(id, principal);
  }

  @Post(':id/godkann')
  @HttpCode(200)
  @Atkomst('forvaltningsekonom')
  @ApiOperation({ summary: 'Förvaltningsekonomen godkänner den senaste versionen av en prognos i sin förvaltning' })
  @ApiBody({ schema: openApiSchema(granskaHelarsprognosRequestSchema, 'input'), required: false })
  @ApiOkResponse({ schema: openApiSchema(helarsprognosSchema) })
  @ApiResponse({ status: 409, ...PROBLEM_RESPONSE })
  godkann(@Param('id') id: string, @Body() body: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    return this.prognoser.granska(id, 'godkand', parseBeslut(body), principal, correlationId);
  }

  @Post(':id/skicka-tillbaka')
  @HttpCode(200)
  @Atkomst('forvaltningsekonom')
  @ApiOperation({ summary: 'Förvaltningsekonomen skickar tillbaka en prognos i sin förvaltning, med en kommentar' })
  @ApiBody({ schema: openApiSchema(granskaHelarsprognosRequestSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(helarsprognosSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 409, ...PROBLEM_RESPONSE })
  skickaTillbaka(
    @Param('id') id: string,
    @Body() body: unknown,
    @Anvandare() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    return this.prognoser.granska(id, 'aterskickad', parseBeslut(body), principal, correlationId);
  }
}

@ApiTags('prognosomgångar')
@Controller('omgangar')
export class OmgangarController {
  constructor(@Inject(HelarsprognoserService) private readonly prognoser: HelarsprognoserService) {}

  @Get()
  @Atkomst(...MEDARBETARE)
  @ApiOperation({ summary: 'Prognosomgångarna och om de är öppna' })
  @ApiOkResponse({ schema: openApiSchema(z.array(prognosomgangSchema)) })
  lista() {
    return this.prognoser.omgangar();
  }

  @Post()
  @HttpCode(200)
  @Atkomst('ekonomidirektor')
  @ApiOperation({ summary: 'Öppna (eller öppna igen) prognosomgången för ett år och tillfälle' })
  @ApiBody({ schema: openApiSchema(oppnaOmgangRequestSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(prognosomgangSchema) })
  oppna(@Body() body: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    return this.prognoser.oppnaOmgang(parseRequest(oppnaOmgangRequestSchema, body, 'Ogiltig prognosomgång'), principal, correlationId);
  }

  @Post(':ar/:tillfalle/stang')
  @HttpCode(200)
  @Atkomst('ekonomidirektor')
  @ApiOperation({ summary: 'Stäng prognosomgången: inga fler prognoser eller beslut förrän den öppnas igen' })
  @ApiOkResponse({ schema: openApiSchema(prognosomgangSchema) })
  stang(@Param() params: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    const { ar, tillfalle } = parseRequest(omgangParamsSchema, params, 'Ogiltig prognosomgång');
    return this.prognoser.stangOmgang(ar, tillfalle, principal, correlationId);
  }
}
