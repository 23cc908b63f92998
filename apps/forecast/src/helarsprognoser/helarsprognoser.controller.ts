import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  andraKommentarstroskelRequestSchema,
  beslutRequestSchema,
  helarsprognosAdressSchema,
  helarsprognosSchema,
  helarsprognosUnderlagSchema,
  kommentarstroskelSchema,
  sparaHelarsprognosRequestSchema,
  prognosversionsjamforelseSchema,
} from '@tertial/contracts/dto';
import { arSchema, PROGNOSTILLFALLEN, prognostillfalleSchema } from '@tertial/contracts/prognos';
import { Anvandare, Atkomst, CorrelationId, openApiSchema, parseRequest, PROBLEM_RESPONSE, type Principal } from '@tertial/service-kit';
import type { Response } from 'express';
import { z } from 'zod';

import type { Handling } from './helarsprognosregler.js';
import { HelarsprognoserService, type MedEtag } from './helarsprognoser.service.js';

const aktuellaQuerySchema = z.object({
  ar: z.coerce.number().pipe(arSchema),
  tillfalle: prognostillfalleSchema,
  ansvar: z.string().optional(),
});
const versionSchema = z.coerce.number({ error: 'ska vara ett versionsnummer' }).int('ska vara ett heltal').positive('ska vara minst 1');
const jamforParamsSchema = helarsprognosAdressSchema.extend({ fran: versionSchema, till: versionSchema });

const ADRESS = ':ansvar/:ar/:tillfalle';
const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description:
    'Den ETag man utgår från (från GET eller senaste ändringen); krävs när prognosen har en version (428 annars, 412 om inaktuell)',
};
const VILLKOR_SVAR = [
  { status: 412, ...PROBLEM_RESPONSE, description: 'Inaktuell If-Match: svaret har den aktuella versionen i `aktuell`' },
  { status: 428, ...PROBLEM_RESPONSE, description: 'If-Match saknas fast prognosen har en version' },
] as const;

function medEtag<T>(res: Response, svar: MedEtag<T>): T {
  res.setHeader('ETag', svar.etag);
  return svar.varde;
}

const adress = (params: unknown) => parseRequest(helarsprognosAdressSchema, params, 'Ogiltig adress');

@ApiTags('helårsprognoser')
@Controller('helarsprognoser')
export class HelarsprognoserController {
  constructor(@Inject(HelarsprognoserService) private readonly prognoser: HelarsprognoserService) {}

  @Get()
  @Atkomst('chef', 'forvaltningsekonom', 'ekonomidirektor')
  @ApiOperation({ summary: 'De aktuella helårsprognoserna (senaste versionen per ansvar) för ett år och tillfälle, inom det man ser' })
  @ApiQuery({ name: 'ar', type: Number, example: 2026 })
  @ApiQuery({ name: 'tillfalle', enum: PROGNOSTILLFALLEN })
  @ApiQuery({ name: 'ansvar', required: false })
  @ApiOkResponse({ schema: openApiSchema(z.array(helarsprognosSchema)) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  aktuella(@Query() query: unknown, @Anvandare() principal: Principal) {
    const { ar, tillfalle, ansvar } = parseRequest(aktuellaQuerySchema, query, 'Ogiltig fråga');
    return this.prognoser.aktuella(ar, tillfalle, principal, ansvar);
  }

  @Get(ADRESS)
  @Atkomst('chef', 'forvaltningsekonom', 'ekonomidirektor')
  @ApiOperation({ summary: 'Ett ansvars aktuella prognos för ett år och tillfälle, med ETag; 404 när den inte är påbörjad' })
  @ApiOkResponse({ schema: openApiSchema(helarsprognosSchema), headers: { ETag: { schema: { type: 'string' } } } })
  @ApiResponse({ status: 404, ...PROBLEM_RESPONSE })
  async hamta(@Param() params: unknown, @Anvandare() principal: Principal, @Res({ passthrough: true }) res: Response) {
    return medEtag(res, await this.prognoser.hamta(adress(params), principal));
  }

  @Put(ADRESS)
  @HttpCode(200)
  @Atkomst('chef')
  @ApiOperation({
    summary:
      'Spara en ny version av prognosen för ett av sina ansvar (utkast, eller klarmarkerad med "klarmarkerad": true); belopp i kronor per kontogrupp',
  })
  @ApiHeader(IF_MATCH)
  @ApiBody({ schema: openApiSchema(sparaHelarsprognosRequestSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(helarsprognosSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 409, ...PROBLEM_RESPONSE, description: 'Omgången är stängd, deadline har passerat, eller prognosen är godkänd' })
  @ApiResponse(VILLKOR_SVAR[0])
  @ApiResponse({ status: 422, ...PROBLEM_RESPONSE, description: 'Okänt ansvar, eller kommentar krävs för avvikelsen' })
  @ApiResponse(VILLKOR_SVAR[1])
  async spara(
    @Param() params: unknown,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Anvandare() principal: Principal,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    const mal = adress(params);
    const request = parseRequest(sparaHelarsprognosRequestSchema, body, 'Ogiltig helårsprognos');
    return medEtag(res, await this.prognoser.spara(mal, request, ifMatch, principal, correlationId));
  }

  @Get(`${ADRESS}/underlag`)
  @Atkomst('chef', 'forvaltningsekonom', 'ekonomidirektor')
  @ApiOperation({
    summary: 'Underlaget per kontogrupp: budget, utfall hittills, förslag, run-rate, föregående omgångs prognos, prognos och avvikelse',
  })
  @ApiOkResponse({ schema: openApiSchema(helarsprognosUnderlagSchema) })
  underlag(@Param() params: unknown, @Anvandare() principal: Principal) {
    return this.prognoser.underlag(adress(params), principal);
  }

  @Get(`${ADRESS}/versioner`)
  @Atkomst('chef', 'forvaltningsekonom', 'ekonomidirektor')
  @ApiOperation({ summary: 'Alla sparade versioner av ett ansvars prognos, nyaste först' })
  @ApiOkResponse({ schema: openApiSchema(z.array(helarsprognosSchema)) })
  versioner(@Param() params: unknown, @Anvandare() principal: Principal) {
    return this.prognoser.versioner(adress(params), principal);
  }

  @Get(`${ADRESS}/versioner/:fran/jamfor/:till`)
  @Atkomst('chef', 'forvaltningsekonom', 'ekonomidirektor')
  @ApiOperation({ summary: 'Jämför två versioner rad för rad: belopp, skillnad, och vilken version och vem som ändrade raden' })
  @ApiOkResponse({ schema: openApiSchema(prognosversionsjamforelseSchema) })
  @ApiResponse({ status: 404, ...PROBLEM_RESPONSE })
  jamfor(@Param() params: unknown, @Anvandare() principal: Principal) {
    const { fran, till, ...mal } = parseRequest(jamforParamsSchema, params, 'Ogiltig jämförelse');
    return this.prognoser.jamfor(mal, fran, till, principal);
  }

  @Post(`${ADRESS}/klarmarkera`)
  @HttpCode(200)
  @Atkomst('chef')
  @ApiOperation({ summary: 'Chefen klarmarkerar den aktuella versionen (ett utkast)' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ schema: openApiSchema(helarsprognosSchema) })
  @ApiResponse(VILLKOR_SVAR[0])
  @ApiResponse(VILLKOR_SVAR[1])
  klarmarkera(
    @Param() params: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Anvandare() principal: Principal,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.beslut('klarmarkera', params, undefined, ifMatch, principal, correlationId, res);
  }

  @Post(`${ADRESS}/godkann`)
  @HttpCode(200)
  @Atkomst('forvaltningsekonom')
  @ApiOperation({ summary: 'Förvaltningsekonomen godkänner en klarmarkerad prognos i sin förvaltning (valfri kommentar)' })
  @ApiHeader(IF_MATCH)
  @ApiBody({ schema: openApiSchema(beslutRequestSchema, 'input'), required: false })
  @ApiOkResponse({ schema: openApiSchema(helarsprognosSchema) })
  @ApiResponse(VILLKOR_SVAR[0])
  @ApiResponse(VILLKOR_SVAR[1])
  godkann(
    @Param() params: unknown,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Anvandare() principal: Principal,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.beslut('godkann', params, body, ifMatch, principal, correlationId, res);
  }

  @Post(`${ADRESS}/atersand`)
  @HttpCode(200)
  @Atkomst('forvaltningsekonom')
  @ApiOperation({ summary: 'Förvaltningsekonomen skickar tillbaka en prognos i sin förvaltning, med en kommentar' })
  @ApiHeader(IF_MATCH)
  @ApiBody({ schema: openApiSchema(beslutRequestSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(helarsprognosSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse(VILLKOR_SVAR[0])
  @ApiResponse(VILLKOR_SVAR[1])
  atersand(
    @Param() params: unknown,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Anvandare() principal: Principal,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.beslut('atersand', params, body, ifMatch, principal, correlationId, res);
  }

  @Post(`${ADRESS}/ateroppna`)
  @HttpCode(200)
  @Atkomst('ekonomidirektor')
  @ApiOperation({
    summary:
      'Ekonomidirektören öppnar ett ansvar igen efter att omgången stängts, med skäl (kommentar); prognosen går tillbaka till chefen',
  })
  @ApiHeader(IF_MATCH)
  @ApiBody({ schema: openApiSchema(beslutRequestSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(helarsprognosSchema) })
  @ApiResponse({ status: 204, description: 'Ansvaret hade ingen prognos; chefen kan nu börja' })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse(VILLKOR_SVAR[0])
  @ApiResponse(VILLKOR_SVAR[1])
  ateroppna(
    @Param() params: unknown,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Anvandare() principal: Principal,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.beslut('ateroppna', params, body, ifMatch, principal, correlationId, res);
  }

  private async beslut(
    handling: Exclude<Handling, 'spara'>,
    params: unknown,
    body: unknown,
    ifMatch: string | undefined,
    principal: Principal,
    correlationId: string,
    res: Response,
  ) {
    const mal = adress(params);
    const { kommentar } = parseRequest(beslutRequestSchema, body ?? {}, 'Ogiltigt beslut');
    const svar = await this.prognoser.andraStatus(handling, mal, kommentar, ifMatch, principal, correlationId);
    if (!svar) {
      res.status(204);
      return undefined;
    }
    return medEtag(res, svar);
  }
}

@ApiTags('helårsprognoser')
@Controller('kommentarstroskel')
export class KommentarstroskelController {
  constructor(@Inject(HelarsprognoserService) private readonly prognoser: HelarsprognoserService) {}

  @Get()
  @Atkomst('chef', 'forvaltningsekonom', 'ekonomidirektor')
  @ApiOperation({ summary: 'Stadens gräns för när en avvikelse kräver kommentar: ett belopp eller en andel av nettobudgeten' })
  @ApiOkResponse({ schema: openApiSchema(kommentarstroskelSchema) })
  hamta() {
    return this.prognoser.kommentarstroskel();
  }

  @Put()
  @HttpCode(200)
  @Atkomst('ekonomidirektor')
  @ApiOperation({ summary: 'Ekonomidirektören ändrar gränsen (belopp i kronor, andel i procent); ändringen loggas' })
  @ApiBody({ schema: openApiSchema(andraKommentarstroskelRequestSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(kommentarstroskelSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  andra(@Body() body: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    return this.prognoser.andraKommentarstroskel(
      parseRequest(andraKommentarstroskelRequestSchema, body, 'Ogiltig gräns'),
      principal,
      correlationId,
    );
  }
}
