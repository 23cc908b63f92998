import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  andraNyckeltalRequestSchema,
  matvardeImportResultatSchema,
  matvardesserieSchema,
  nyckeltalSchema,
  skapaNyckeltalRequestSchema,
  sparaMatvardenRequestSchema,
} from '@tertial/contracts/dto';
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
import { z } from 'zod';

import { idSchema } from '../mal/mal.controller.js';
import { NyckeltalService } from './nyckeltal.service.js';

const LASARE = ['chef', 'forvaltningsekonom', 'processledare', 'ekonomidirektor'] as const;
const importQuerySchema = z.object({ dryRun: z.enum(['true', 'false']).default('false') });

@ApiTags('nyckeltal')
@Controller()
export class NyckeltalController {
  constructor(@Inject(NyckeltalService) private readonly nyckeltal: NyckeltalService) {}

  @Get('nyckeltal')
  @Atkomst(...LASARE)
  @ApiOperation({ summary: 'Katalogen över nyckeltal med utgångsvärde och målvärde per år' })
  @ApiOkResponse({ schema: openApiSchema(z.array(nyckeltalSchema)) })
  lista() {
    return this.nyckeltal.lista();
  }

  @Get('nyckeltal/:id')
  @Atkomst(...LASARE)
  @ApiOkResponse({ schema: openApiSchema(nyckeltalSchema) })
  hamta(@Param() params: unknown) {
    return this.nyckeltal.hamta(parseRequest(idSchema, params, 'Ogiltigt nyckeltal').id);
  }

  @Post('nyckeltal')
  @HttpCode(201)
  @Atkomst('processledare', 'ekonomidirektor')
  @ApiOperation({ summary: 'Lägg till ett nyckeltal i katalogen' })
  @ApiBody({ schema: openApiSchema(skapaNyckeltalRequestSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(nyckeltalSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  skapa(@Body() body: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    return this.nyckeltal.skapa(parseRequest(skapaNyckeltalRequestSchema, body, 'Ogiltigt nyckeltal'), principal, correlationId);
  }

  @Put('nyckeltal/:id')
  @Atkomst('processledare', 'ekonomidirektor')
  @ApiOperation({ summary: 'Ändra ett nyckeltal (hela nyckeltalet, med utgångsvärde och målvärden)' })
  @ApiBody({ schema: openApiSchema(andraNyckeltalRequestSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(nyckeltalSchema) })
  andra(@Param() params: unknown, @Body() body: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    const { id } = parseRequest(idSchema, params, 'Ogiltigt nyckeltal');
    return this.nyckeltal.andra(id, parseRequest(andraNyckeltalRequestSchema, body, 'Ogiltigt nyckeltal'), principal, correlationId);
  }

  @Get('nyckeltal/:id/matvarden')
  @Atkomst(...LASARE)
  @ApiOperation({ summary: 'Nyckeltalets mätvärden, äldsta perioden först' })
  @ApiOkResponse({ schema: openApiSchema(matvardesserieSchema) })
  matvarden(@Param() params: unknown) {
    return this.nyckeltal.matvarden(parseRequest(idSchema, params, 'Ogiltigt nyckeltal').id);
  }

  @Post('nyckeltal/:id/matvarden')
  @HttpCode(200)
  @Atkomst('processledare', 'ekonomidirektor')
  @ApiOperation({ summary: 'Mätvärden för hand: vart och ett ersätter det för samma period och kön' })
  @ApiBody({ schema: openApiSchema(sparaMatvardenRequestSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(matvardesserieSchema) })
  @ApiResponse({ status: 422, ...PROBLEM_RESPONSE })
  sparaMatvarden(
    @Param() params: unknown,
    @Body() body: unknown,
    @Anvandare() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    const { id } = parseRequest(idSchema, params, 'Ogiltigt nyckeltal');
    return this.nyckeltal.sparaMatvarden(
      id,
      parseRequest(sparaMatvardenRequestSchema, body, 'Ogiltiga mätvärden').matvarden,
      principal,
      correlationId,
    );
  }

  @Post('matvarden/import')
  @HttpCode(200)
  @Atkomst('processledare', 'ekonomidirektor')
  @ApiOperation({ summary: 'Mätvärden från en CSV som Excel sparar den: nyckeltal;period;kon;varde, semikolon, decimalkomma' })
  @ApiConsumes('text/csv')
  @ApiQuery({ name: 'dryRun', required: false, enum: ['true', 'false'] })
  @ApiOkResponse({ schema: openApiSchema(matvardeImportResultatSchema) })
  @ApiResponse({ status: 422, ...PROBLEM_RESPONSE })
  async importera(
    @Body() body: unknown,
    @Query() query: unknown,
    @Anvandare() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    const { dryRun } = parseRequest(importQuerySchema, query, 'Ogiltig fråga');
    if (typeof body !== 'string')
      throw new ProblemException(400, 'Ingen CSV', 'Skicka filen med content-type text/csv.', [
        { field: '(body)', message: 'ska vara en CSV-fil' },
      ]);
    const resultat = await this.nyckeltal.importeraCsv(body, dryRun === 'true', principal, correlationId);
    if (resultat.status === 'avvisad') {
      const errors = resultat.fel.slice(0, 100).map((fel) => ({ field: `rad ${fel.rad}: ${fel.falt}`, message: fel.meddelande }));
      const problem = new ProblemException(422, 'Filen kunde inte importeras', `${resultat.fel.length} fel; inget sparades.`, errors);
      Object.assign(problem.getResponse() as object, { resultat });
      throw problem;
    }
    return resultat;
  }
}
