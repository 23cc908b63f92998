import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  balanskravImportResultatSchema,
  balanskravOversiktSchema,
  balanskravsjusteringarSchema,
  balanskravsutredningSchema,
  balanskravTillfalleSchema,
  finansraderInmatningSchema,
  finansraderSchema,
  internaKontonSchema,
  resultatradIntervallSchema,
  resultatrakningSchema,
  resultatTillfalleSchema,
  rurReglerSchema,
} from '@tertial/contracts/dto';
import { arSchema } from '@tertial/contracts/prognos';
import {
  Anvandare,
  Atkomst,
  CorrelationId,
  openApiSchema,
  parseRequest,
  PROBLEM_RESPONSE,
  ProblemException,
  type Principal,
} from '@tertial/service-kit';
import type { Request } from 'express';
import { z } from 'zod';

import { ResultatService } from './resultat.service.js';

const arFraga = z.object({ ar: z.coerce.number({ error: 'ska vara ett årtal' }).pipe(arSchema) });
const finansParams = arFraga.extend({ tillfalle: resultatTillfalleSchema });
const balanskravParams = arFraga.extend({ tillfalle: balanskravTillfalleSchema });
const importFraga = z.object({
  dryRun: z.enum(['true', 'false']).default('false'),
  filnamn: z.string().max(300).default('balanskrav.csv'),
});
const tabellSchema = z.object({ intervall: z.array(resultatradIntervallSchema).min(1, 'minst ett intervall') });

/** The table once said which accounts are internal; now the kontoplan does, and a client still sending it hears where. */
function avvisaIntern(body: unknown): void {
  const intervall = (body as { intervall?: unknown } | null)?.intervall;
  if (!Array.isArray(intervall)) return;
  const fel = intervall.flatMap((rad: unknown, index) =>
    rad !== null && typeof rad === 'object' && 'intern' in rad
      ? [{ field: `intervall[${index}].intern`, message: 'vilka konton som är interna står i kontoplanen: PUT /api/budget/konton/interna' }]
      : [],
  );
  if (fel.length > 0) throw new ProblemException(400, 'Ogiltig tabell', `${fel[0]!.field}: ${fel[0]!.message}`, fel);
}

@ApiTags('resultat')
@Controller()
export class ResultatController {
  constructor(@Inject(ResultatService) private readonly resultat: ResultatService) {}

  @Get('resultatrakning')
  @Atkomst('ekonomidirektor')
  @ApiOperation({
    summary: 'Stadens resultaträkning ett år: budget, prognos i april och augusti och bokslut sida vid sida, interna poster eliminerade',
  })
  @ApiQuery({ name: 'ar', type: Number, example: 2026 })
  @ApiOkResponse({ schema: openApiSchema(resultatrakningSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  resultatrakning(@Query() query: unknown) {
    return this.resultat.resultatrakning(parseRequest(arFraga, query, 'Ogiltig fråga').ar);
  }

  @Get('resultatrakning/interna-konton')
  @Atkomst('ekonomidirektor')
  @ApiOperation({
    summary:
      'Kontoplanens interna konton som elimineras, som de senast kom från budgettjänsten (budget.kontoplan-uppdaterad); ändras med PUT /api/budget/konton/interna',
  })
  @ApiOkResponse({ schema: openApiSchema(internaKontonSchema) })
  internaKonton() {
    return this.resultat.internaKonton();
  }

  @Get('resultatrakning/kontomappning')
  @Atkomst('ekonomidirektor')
  @ApiOperation({ summary: 'Tabellen från kontointervall (Kommun-Bas) till resultaträkningens rader' })
  @ApiOkResponse({ schema: openApiSchema(z.array(resultatradIntervallSchema)) })
  kontomappning() {
    return this.resultat.resultatradTabell();
  }

  @Put('resultatrakning/kontomappning')
  @Atkomst('ekonomidirektor')
  @ApiOperation({ summary: 'Ersätt tabellen från kontointervall till resultaträkningens rader (intervallen får inte överlappa)' })
  @ApiBody({ schema: openApiSchema(tabellSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(z.array(resultatradIntervallSchema)) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 422, ...PROBLEM_RESPONSE })
  sattKontomappning(@Body() body: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    avvisaIntern(body);
    const { intervall } = parseRequest(tabellSchema, body, 'Ogiltig tabell');
    return this.resultat.sattResultatradTabell(intervall, principal, correlationId);
  }

  @Get('finansrader/:ar/:tillfalle')
  @Atkomst('ekonomidirektor')
  @ApiOperation({ summary: 'Finansfunktionens egna rader ett år: KF:s budget, en omgångs prognos eller bokslutet, med källa' })
  @ApiOkResponse({ description: 'raderna med belopp (positiva) och källa', schema: openApiSchema(finansraderSchema) })
  finansrader(@Param() params: unknown) {
    const { ar, tillfalle } = parseRequest(finansParams, params, 'Ogiltig fråga');
    return this.resultat.finansrader(ar, tillfalle);
  }

  @Put('finansrader/:ar/:tillfalle')
  @Atkomst('ekonomidirektor')
  @ApiOperation({
    summary:
      'Ersätt finansfunktionens rader för ett år och tillfälle (skatteintäkter, generella statsbidrag och utjämning, pensioner, finansiella poster, avskrivningar)',
  })
  @ApiBody({ schema: openApiSchema(finansraderInmatningSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(finansraderSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 422, ...PROBLEM_RESPONSE })
  sattFinansrader(
    @Param() params: unknown,
    @Body() body: unknown,
    @Anvandare() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    const { ar, tillfalle } = parseRequest(finansParams, params, 'Ogiltig fråga');
    return this.resultat.sattFinansrader(
      ar,
      tillfalle,
      parseRequest(finansraderInmatningSchema, body, 'Ogiltiga rader'),
      principal,
      correlationId,
    );
  }

  @Get('balanskrav')
  @Atkomst('ekonomidirektor')
  @ApiOperation({
    summary: 'Balanskravet ett år: utredningen för april, augusti och bokslut, åren före med RUR, underskotten och deras återställande',
  })
  @ApiQuery({ name: 'ar', type: Number, example: 2026 })
  @ApiOkResponse({ schema: openApiSchema(balanskravOversiktSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  oversikt(@Query() query: unknown) {
    return this.resultat.oversikt(parseRequest(arFraga, query, 'Ogiltig fråga').ar);
  }

  @Get('balanskrav/rur-regler')
  @Atkomst('ekonomidirektor')
  @ApiOperation({ summary: 'Stadens regler för resultatutjämningsreserven och skatteunderlagets utveckling' })
  @ApiOkResponse({ schema: openApiSchema(rurReglerSchema) })
  rurRegler() {
    return this.resultat.regler();
  }

  @Put('balanskrav/rur-regler')
  @Atkomst('ekonomidirektor')
  @ApiOperation({ summary: 'Ändra reglerna för resultatutjämningsreserven (andelar, ingående saldo, skatteunderlagets utveckling)' })
  @ApiBody({ schema: openApiSchema(rurReglerSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(rurReglerSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  sattRurRegler(@Body() body: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    return this.resultat.sattRegler(parseRequest(rurReglerSchema, body, 'Ogiltiga regler'), principal, correlationId);
  }

  @Post('balanskrav/historik')
  @Atkomst('ekonomidirektor')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Importera tidigare års balanskravsutredningar från en CSV-fil (text/csv)',
    description:
      'Kolumner ar;arets_resultat;samtliga_realisationsvinster;realisationsvinster_undantag;realisationsforluster_undantag;orealiserade_forluster_vardepapper;aterforing_orealiserade_forluster;till_rur;fran_rur, valfritt resultat_efter_justeringar och balanskravsresultat som kontroll. dryRun=true kontrollerar utan att spara. En fil med fel sparar ingenting (422); ett år som importerats förut ersätts.',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string' } })
  @ApiQuery({ name: 'dryRun', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'filnamn', required: false })
  @ApiOkResponse({ schema: openApiSchema(balanskravImportResultatSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 422, ...PROBLEM_RESPONSE })
  async importera(
    @Req() request: Request,
    @Query() query: unknown,
    @Anvandare() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    const { dryRun, filnamn } = parseRequest(importFraga, query, 'Ogiltig fråga');
    if (typeof request.body !== 'string')
      throw new ProblemException(415, 'Filen ska skickas som text/csv', 'Skicka filen som kropp med content-type text/csv.', [
        { field: 'content-type', message: 'ska vara text/csv' },
      ]);
    const resultat = await this.resultat.importeraHistorik(request.body, { filnamn, dryRun: dryRun === 'true', principal, correlationId });
    if (resultat.status === 'avvisad') {
      const problem = new ProblemException(
        422,
        'Filen kunde inte importeras',
        `${resultat.fel.length} fel i ${filnamn}; inget sparades. Det första: rad ${resultat.fel[0]!.rad}: ${resultat.fel[0]!.meddelande}`,
        resultat.fel.slice(0, 100).map((fel) => ({ field: fel.falt, message: `rad ${fel.rad}: ${fel.meddelande}` })),
      );
      Object.assign(problem.getResponse() as object, { resultat });
      throw problem;
    }
    return resultat;
  }

  @Get('balanskrav/:ar/:tillfalle')
  @Atkomst('ekonomidirektor')
  @ApiOperation({ summary: 'Balanskravsutredningen för ett år och tillfälle, rad för rad, med underskotten från tidigare år' })
  @ApiOkResponse({ schema: openApiSchema(balanskravsutredningSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 404, ...PROBLEM_RESPONSE })
  async utredning(@Param() params: unknown) {
    const { ar, tillfalle } = parseRequest(balanskravParams, params, 'Ogiltig fråga');
    const utredning = await this.resultat.utredning(ar, tillfalle);
    if (!utredning) throw new ProblemException(404, 'Ingen utredning', await this.resultat.ingenUtredning(ar, tillfalle));
    return utredning;
  }

  @Put('balanskrav/:ar/:tillfalle/justeringar')
  @Atkomst('ekonomidirektor')
  @ApiOperation({
    summary:
      'Föreslå årets balanskravsjusteringar och rörelse i resultatutjämningsreserven; en rörelse som bryter mot en regel avvisas med regeln namngiven (422)',
  })
  @ApiBody({ schema: openApiSchema(balanskravsjusteringarSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(balanskravsutredningSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 404, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 409, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 422, ...PROBLEM_RESPONSE })
  sattJusteringar(
    @Param() params: unknown,
    @Body() body: unknown,
    @Anvandare() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    const { ar, tillfalle } = parseRequest(balanskravParams, params, 'Ogiltig fråga');
    const justeringar = parseRequest(balanskravsjusteringarSchema, body, 'Ogiltiga justeringar');
    return this.resultat.sattJusteringar(ar, tillfalle, justeringar, principal, correlationId);
  }
}
