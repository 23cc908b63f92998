import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { forlangOmgangRequestSchema, oppnaOmgangRequestSchema, prognosomgangSchema } from '@tertial/contracts/dto';
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

import { OmgangarService } from './omgangar.service.js';

const omgangParamsSchema = z.object({ ar: z.coerce.number().pipe(arSchema), tillfalle: prognostillfalleSchema });

@ApiTags('prognosomgångar')
@Controller('omgangar')
export class OmgangarController {
  constructor(@Inject(OmgangarService) private readonly omgangar: OmgangarService) {}

  @Get()
  @Atkomst(...MEDARBETARE)
  @ApiOperation({ summary: 'Prognosomgångarna: typ, deadline, utfallsperiod, nämnder och om de är öppna' })
  @ApiOkResponse({ schema: openApiSchema(z.array(prognosomgangSchema)) })
  lista() {
    return this.omgangar.lista();
  }

  @Post()
  @HttpCode(200)
  @Atkomst('ekonomidirektor')
  @ApiOperation({
    summary: 'Öppna (eller öppna igen) prognosomgången för ett år och tillfälle, med deadline; en månadsprognos för valda nämnder',
  })
  @ApiBody({ schema: openApiSchema(oppnaOmgangRequestSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(prognosomgangSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  oppna(@Body() body: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    return this.omgangar.oppna(parseRequest(oppnaOmgangRequestSchema, body, 'Ogiltig prognosomgång'), principal, correlationId);
  }

  @Post(':ar/:tillfalle/forlang')
  @HttpCode(200)
  @Atkomst('ekonomidirektor')
  @ApiOperation({ summary: 'Förläng en öppen prognosomgång: en senare deadline' })
  @ApiBody({ schema: openApiSchema(forlangOmgangRequestSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(prognosomgangSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 409, ...PROBLEM_RESPONSE })
  forlang(@Param() params: unknown, @Body() body: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    const { ar, tillfalle } = parseRequest(omgangParamsSchema, params, 'Ogiltig prognosomgång');
    return this.omgangar.forlang(
      ar,
      tillfalle,
      parseRequest(forlangOmgangRequestSchema, body ?? {}, 'Ogiltig deadline'),
      principal,
      correlationId,
    );
  }

  @Post(':ar/:tillfalle/stang')
  @HttpCode(200)
  @Atkomst('ekonomidirektor')
  @ApiOperation({ summary: 'Stäng prognosomgången: alla prognoser i den låses tills den (eller ett ansvar) öppnas igen' })
  @ApiOkResponse({ schema: openApiSchema(prognosomgangSchema) })
  stang(@Param() params: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    const { ar, tillfalle } = parseRequest(omgangParamsSchema, params, 'Ogiltig prognosomgång');
    return this.omgangar.stang(ar, tillfalle, principal, correlationId);
  }
}
