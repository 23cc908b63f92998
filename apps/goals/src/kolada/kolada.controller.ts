import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { jamforelsegruppSchema, koladaImportResultatSchema, koladaJamforelseSchema, koladaKpiSchema } from '@tertial/contracts/dto';
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

import { KoladaService } from './kolada.service.js';

const importQuerySchema = z.object({
  dryRun: z.enum(['true', 'false']).default('false'),
  filnamn: z.string().max(300).default('kolada.json'),
});
const MAX_BYTES = 50 * 1024 * 1024;
const LASARE = ['chef', 'forvaltningsekonom', 'processledare', 'ekonomidirektor'] as const;

/** The body as text: read as it arrives (octet-stream), or as the body parser left it (JSON re-serialized, text as is). */
async function lasKropp(request: Request): Promise<string> {
  if (typeof request.body === 'string') return request.body;
  if (request.body && typeof request.body === 'object' && Object.keys(request.body as object).length > 0)
    return JSON.stringify(request.body);
  const delar: Buffer[] = [];
  let storlek = 0;
  for await (const del of request as AsyncIterable<Buffer>) {
    storlek += del.length;
    if (storlek > MAX_BYTES)
      throw new ProblemException(413, 'Filen är för stor', 'En Kolada-fil får vara högst 50 MB.', [
        { field: '(body)', message: 'högst 50 MB' },
      ]);
    delar.push(del);
  }
  return Buffer.concat(delar).toString('utf8');
}

@ApiTags('kolada')
@Controller('kolada')
export class KoladaController {
  constructor(@Inject(KoladaService) private readonly kolada: KoladaService) {}

  @Post('import')
  @HttpCode(200)
  @Atkomst('processledare', 'ekonomidirektor')
  @ApiOperation({
    summary: 'Importera Koladas publicerade värden: en fil med svar från Koladas data-API (v2 eller v3), en eller flera sidor',
    description:
      'Filen är ett svar, en JSON-array av sidor eller sidor efter varandra (ND-JSON). Stadens egna värden blir mätvärden för nyckeltalet med samma Kolada-id, övriga kommuners sparas som jämförelser. dryRun=true sparar ingenting. En fil i fel form avvisas hel (422) med var felet finns.',
  })
  @ApiConsumes('application/octet-stream', 'application/json')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiQuery({ name: 'dryRun', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'filnamn', required: false })
  @ApiOkResponse({ schema: openApiSchema(koladaImportResultatSchema) })
  @ApiResponse({ status: 422, ...PROBLEM_RESPONSE })
  async importera(
    @Req() request: Request,
    @Query() query: unknown,
    @Anvandare() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    const { dryRun, filnamn } = parseRequest(importQuerySchema, query, 'Ogiltig fråga');
    const resultat = await this.kolada.importera(await lasKropp(request), { filnamn, dryRun: dryRun === 'true', principal, correlationId });
    if (resultat.status === 'avvisad') {
      const errors = resultat.fel.slice(0, 100).map((fel) => ({ field: fel.sokvag, message: fel.meddelande }));
      const problem = new ProblemException(
        422,
        'Kolada-filen har fel form',
        `${resultat.fel.length} fel i ${filnamn}; inget sparades. ${errors[0]?.field}: ${errors[0]?.message}`,
        errors,
      );
      Object.assign(problem.getResponse() as object, { resultat });
      throw problem;
    }
    return resultat;
  }

  @Get('jamforelser')
  @Atkomst(...LASARE)
  @ApiOperation({ summary: 'De Kolada-nyckeltal som har jämförelser' })
  @ApiOkResponse({ schema: openApiSchema(z.array(koladaKpiSchema)) })
  kpier() {
    return this.kolada.kpier();
  }

  @Get('jamforelser/:kpi')
  @Atkomst(...LASARE)
  @ApiOperation({ summary: 'Stadens och jämförelsegruppens värden för ett Kolada-nyckeltal' })
  @ApiOkResponse({ schema: openApiSchema(koladaJamforelseSchema) })
  jamforelse(@Param() params: unknown) {
    return this.kolada.jamforelse(parseRequest(z.object({ kpi: koladaKpiSchema }), params, 'Ogiltigt nyckeltal').kpi);
  }

  @Get('jamforelsegrupp')
  @Atkomst(...LASARE)
  @ApiOkResponse({ schema: openApiSchema(jamforelsegruppSchema) })
  grupp() {
    return this.kolada.grupp();
  }

  @Put('jamforelsegrupp')
  @Atkomst('ekonomidirektor')
  @ApiOperation({ summary: 'Kommunerna staden jämför sig med' })
  @ApiBody({ schema: openApiSchema(jamforelsegruppSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(jamforelsegruppSchema) })
  sparaGrupp(@Body() body: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    return this.kolada.sparaGrupp(parseRequest(jamforelsegruppSchema, body, 'Ogiltig jämförelsegrupp'), principal, correlationId);
  }
}
