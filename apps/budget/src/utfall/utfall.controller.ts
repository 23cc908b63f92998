import { Readable } from 'node:stream';

import { Controller, Get, HttpCode, Inject, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { utfallImportResultatSchema } from '@tertial/contracts/dto';
import { arSchema } from '@tertial/contracts/prognos';
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
import type { Request } from 'express';
import { z } from 'zod';

import { UtfallService } from './utfall.service.js';

const importQuerySchema = z.object({
  dryRun: z.enum(['true', 'false']).default('false'),
  filnamn: z.string().max(300).default('utfall'),
});

@ApiTags('utfall')
@Controller('utfall')
export class UtfallController {
  constructor(@Inject(UtfallService) private readonly utfall: UtfallService) {}

  @Post('import')
  @Atkomst('ekonomidirektor')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Importera utfall från en SIE 4-fil (eller CSV ar;manad;ansvar;konto;belopp) som strömmas i kroppen',
    description:
      'dryRun=true läser och kontrollerar filen och visar summor per konto och månad utan att spara något. En fil med fel sparar ingenting (422). Importerade perioder ersätts helt.',
  })
  @ApiConsumes('application/octet-stream')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiQuery({ name: 'dryRun', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'filnamn', required: false })
  @ApiOkResponse({ schema: openApiSchema(utfallImportResultatSchema) })
  @ApiResponse({ status: 422, ...PROBLEM_RESPONSE })
  async importera(
    @Req() request: Request,
    @Query() query: unknown,
    @Anvandare() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    const { dryRun, filnamn } = parseRequest(importQuerySchema, query, 'Ogiltig fråga');
    // Text bodies were already read by the body parser; a file sent as octet-stream is read as it arrives.
    const source: AsyncIterable<Uint8Array> = typeof request.body === 'string' ? Readable.from([Buffer.from(request.body)]) : request;
    const resultat = await this.utfall.importera(source, { filnamn, dryRun: dryRun === 'true', correlationId, principal });
    if (resultat.status === 'avvisad') {
      const errors = resultat.fel.slice(0, 100).map((fel) => ({ field: `rad ${fel.rad}`, message: `${fel.post}: ${fel.meddelande}` }));
      const problem = new ProblemException(
        422,
        'Filen kunde inte importeras',
        `${resultat.fel.length} fel i ${filnamn}; inget sparades.`,
        errors,
      );
      Object.assign(problem.getResponse() as object, { resultat });
      throw problem;
    }
    return resultat;
  }

  @Get('summor')
  @Atkomst('ekonomidirektor')
  @ApiOperation({ summary: 'Stadens utfall ett år per månad och kontogrupp (intäkter och kostnader positiva)' })
  @ApiQuery({ name: 'ar', type: Number, example: 2026 })
  summor(@Query() query: unknown) {
    return this.utfall.summor(parseRequest(z.object({ ar: z.coerce.number().pipe(arSchema) }), query, 'Ogiltig fråga').ar);
  }

  @Get('importer')
  @Atkomst('ekonomidirektor')
  @ApiOperation({ summary: 'De senaste importerna av utfall' })
  importer() {
    return this.utfall.importer();
  }
}
