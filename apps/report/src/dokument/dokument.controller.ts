import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  EXPORTFORMAT,
  exportformatSchema,
  RAPPORTTYPER,
  rapportjamforelseSchema,
  rapporttypSchema,
  rapportversionMedInnehallSchema,
  rapportversionSchema,
  sektionstextRequestSchema,
} from '@tertial/contracts/dto';
import { arSchema } from '@tertial/contracts/prognos';
import { Anvandare, Atkomst, CorrelationId, openApiSchema, parseRequest, PROBLEM_RESPONSE, type Principal } from '@tertial/service-kit';
import type { Response } from 'express';
import { z } from 'zod';

import { DokumentService } from './dokument.service.js';

const versionsnummer = z.coerce
  .number({ error: 'ska vara ett versionsnummer' })
  .int('ska vara ett heltal')
  .positive('ska vara 1 eller mer');
const rapportSchema = z.object({ rapport: rapporttypSchema, ar: z.coerce.number({ error: 'ska vara ett årtal' }).pipe(arSchema) });
const versionSchema = rapportSchema.extend({ version: versionsnummer });
const sektionSchema = versionSchema.extend({ sektion: z.string().min(1).max(60) });
const jamforelseSchema = z.object({ fran: versionsnummer, till: versionsnummer });
const exportSchema = z.object({ format: exportformatSchema, version: versionsnummer.optional() });

/** Readers of reports: the ekonomidirektör, stadsrevisionen and kommunfullmäktige (each sees what their role allows). */
const LASARE = ['ekonomidirektor', 'stadsrevisionen', 'fullmaktige'] as const;

@ApiTags('dokument')
@Controller('dokument')
export class DokumentlistaController {
  constructor(@Inject(DokumentService) private readonly dokument: DokumentService) {}

  @Get()
  @Atkomst(...LASARE)
  @ApiOperation({
    summary:
      'Alla rapporters versioner som personen kan läsa, senaste året först: fastställda för alla läsare, utkast under granskning även för stadsrevisionen, alla för ekonomidirektören',
  })
  @ApiOkResponse({ schema: openApiSchema(z.array(rapportversionSchema)) })
  lista(@Anvandare() principal: Principal) {
    return this.dokument.listaAlla(principal);
  }
}

@ApiTags('dokument')
@ApiParam({ name: 'rapport', enum: [...RAPPORTTYPER] })
@ApiParam({ name: 'ar', type: Number, example: 2026 })
@Controller('dokument/:rapport/:ar')
export class DokumentController {
  constructor(@Inject(DokumentService) private readonly dokument: DokumentService) {}

  @Get('versioner')
  @Atkomst(...LASARE)
  @ApiOperation({
    summary:
      'Rapportens versioner: fastställda för alla läsare, utkast under granskning även för stadsrevisionen, alla för ekonomidirektören',
  })
  @ApiOkResponse({ schema: openApiSchema(z.array(rapportversionSchema)) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse({
    status: 404,
    ...PROBLEM_RESPONSE,
    description: 'Ett år som Tertial inte känner (ingen budget, omgång, utfall eller bokslut)',
  })
  lista(@Param() params: unknown, @Anvandare() principal: Principal) {
    const { rapport, ar } = parseRequest(rapportSchema, params, 'Ogiltig rapport');
    return this.dokument.lista(rapport, ar, principal);
  }

  @Post('versioner')
  @HttpCode(201)
  @Atkomst('ekonomidirektor')
  @ApiOperation({ summary: 'Skapa ett utkast: rapportens första version, eller en rättelse bredvid de fastställda' })
  @ApiResponse({ status: 201, schema: openApiSchema(rapportversionSchema) })
  @ApiResponse({ status: 409, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 422, ...PROBLEM_RESPONSE })
  skapa(@Param() params: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    const { rapport, ar } = parseRequest(rapportSchema, params, 'Ogiltig rapport');
    return this.dokument.skapaUtkast(rapport, ar, principal, correlationId);
  }

  @Get('versioner/:version')
  @Atkomst(...LASARE)
  @ApiOperation({ summary: 'En version med hela innehållet: ett utkasts siffror är levande, en fastställd versions frysta' })
  @ApiOkResponse({ schema: openApiSchema(rapportversionMedInnehallSchema) })
  @ApiResponse({ status: 404, ...PROBLEM_RESPONSE })
  hamta(@Param() params: unknown, @Anvandare() principal: Principal) {
    const { rapport, ar, version } = parseRequest(versionSchema, params, 'Ogiltig version');
    return this.dokument.hamta(rapport, ar, version, principal);
  }

  @Put('versioner/:version/texter/:sektion')
  @Atkomst('ekonomidirektor')
  @ApiOperation({ summary: 'Skriv en sektions text (stycken, rubriker, listor; ingen märkning) i ett utkast' })
  @ApiBody({ schema: openApiSchema(sektionstextRequestSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(rapportversionMedInnehallSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 409, ...PROBLEM_RESPONSE })
  andraText(@Param() params: unknown, @Body() body: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    const { rapport, ar, version, sektion } = parseRequest(sektionSchema, params, 'Ogiltig sektion');
    const { text } = parseRequest(sektionstextRequestSchema, body, 'Ogiltig text');
    return this.dokument.andraText(rapport, ar, version, sektion, text, principal, correlationId);
  }

  @Post('versioner/:version/granskning')
  @HttpCode(200)
  @Atkomst('ekonomidirektor')
  @ApiOperation({ summary: 'Lämna ett utkast till stadsrevisionens granskning' })
  @ApiOkResponse({ schema: openApiSchema(rapportversionSchema) })
  @ApiResponse({ status: 409, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 422, ...PROBLEM_RESPONSE })
  granskning(@Param() params: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    const { rapport, ar, version } = parseRequest(versionSchema, params, 'Ogiltig version');
    return this.dokument.tillGranskning(rapport, ar, version, principal, correlationId);
  }

  @Post('versioner/:version/faststall')
  @HttpCode(200)
  @Atkomst('ekonomidirektor')
  @ApiOperation({ summary: 'Fastställ en version: siffror, texter och diagram fryses med innehållets hash och ändras aldrig' })
  @ApiOkResponse({ schema: openApiSchema(rapportversionMedInnehallSchema) })
  @ApiResponse({ status: 409, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 422, ...PROBLEM_RESPONSE })
  faststall(@Param() params: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    const { rapport, ar, version } = parseRequest(versionSchema, params, 'Ogiltig version');
    return this.dokument.faststall(rapport, ar, version, principal, correlationId);
  }

  @Get('jamforelse')
  @Atkomst(...LASARE)
  @ApiOperation({ summary: 'Skillnaden mellan två versioner: varje text och tabellcell som ändrats' })
  @ApiQuery({ name: 'fran', type: Number })
  @ApiQuery({ name: 'till', type: Number })
  @ApiOkResponse({ schema: openApiSchema(rapportjamforelseSchema) })
  jamfor(@Param() params: unknown, @Query() query: unknown, @Anvandare() principal: Principal) {
    const { rapport, ar } = parseRequest(rapportSchema, params, 'Ogiltig rapport');
    const { fran, till } = parseRequest(jamforelseSchema, query, 'Ogiltig jämförelse');
    return this.dokument.jamfor(rapport, ar, fran, till, principal);
  }

  @Get('export')
  @Atkomst(...LASARE)
  @ApiOperation({
    summary:
      'En version som PDF (PDF/A-2, taggad), XLSX eller DOCX; utan version det öppna utkastet. Samma version ger samma bytes. Filens SHA-256 i X-Tertial-Filhash, versionen i X-Tertial-Version och X-Tertial-Status, en fastställd versions innehållshash i X-Tertial-Innehallshash',
  })
  @ApiQuery({ name: 'format', enum: [...EXPORTFORMAT] })
  @ApiQuery({ name: 'version', type: Number, required: false })
  @ApiProduces(
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  )
  @ApiResponse({ status: 200, description: 'filen' })
  @ApiResponse({ status: 404, ...PROBLEM_RESPONSE })
  async exportera(
    @Param() params: unknown,
    @Query() query: unknown,
    @Anvandare() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { rapport, ar } = parseRequest(rapportSchema, params, 'Ogiltig rapport');
    const { format, version } = parseRequest(exportSchema, query, 'Ogiltig export');
    const fil = await this.dokument.exportera(rapport, ar, version, format, principal);
    res.setHeader('X-Tertial-Filhash', fil.filhash);
    res.setHeader('X-Tertial-Version', String(fil.version));
    res.setHeader('X-Tertial-Status', fil.status);
    if (fil.innehallshash) res.setHeader('X-Tertial-Innehallshash', fil.innehallshash);
    return new StreamableFile(fil.fil, {
      type: fil.mediatyp,
      disposition: `attachment; filename="${fil.filnamn}"`,
      length: fil.fil.length,
    });
  }
}
