import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  bedomMalRequestSchema,
  bedomningsreglerSchema,
  malbedomningSchema,
  maluppfoljningSchema,
  uppfoljningstillfalleSchema,
} from '@tertial/contracts/dto';
import { arSchema } from '@tertial/contracts/prognos';
import { Anvandare, Atkomst, CorrelationId, openApiSchema, parseRequest, PROBLEM_RESPONSE, type Principal } from '@tertial/service-kit';
import { z } from 'zod';

import { MaluppfyllelseService } from './maluppfyllelse.service.js';

const LASARE = ['chef', 'forvaltningsekonom', 'processledare', 'ekonomidirektor'] as const;
const uppfoljningParams = z.object({ ar: z.coerce.number().pipe(arSchema), tillfalle: uppfoljningstillfalleSchema });
const bedomningParams = uppfoljningParams.extend({ id: z.uuid({ error: 'ska vara ett id' }) });
const namndQuery = z.object({ namnd: z.string().optional() });

@ApiTags('måluppfyllelse')
@Controller()
export class MaluppfyllelseController {
  constructor(@Inject(MaluppfyllelseService) private readonly maluppfyllelse: MaluppfyllelseService) {}

  @Get('bedomningsregler')
  @Atkomst(...LASARE)
  @ApiOperation({ summary: 'Stadens regler för förslag till måluppfyllelse' })
  @ApiOkResponse({ schema: openApiSchema(bedomningsreglerSchema) })
  regler() {
    return this.maluppfyllelse.regler();
  }

  @Put('bedomningsregler')
  @Atkomst('ekonomidirektor')
  @ApiOperation({ summary: 'Ändra reglerna för förslag till måluppfyllelse' })
  @ApiBody({ schema: openApiSchema(bedomningsreglerSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(bedomningsreglerSchema) })
  sparaRegler(@Body() body: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    return this.maluppfyllelse.sparaRegler(parseRequest(bedomningsreglerSchema, body, 'Ogiltiga regler'), principal, correlationId);
  }

  @Get('uppfoljning/:ar/:tillfalle')
  @Atkomst(...LASARE)
  @ApiOperation({ summary: 'Varje mål som är aktivt vid uppföljningen, med förslag och bedömning' })
  @ApiQuery({ name: 'namnd', required: false })
  @ApiOkResponse({ schema: openApiSchema(maluppfoljningSchema) })
  uppfoljning(@Param() params: unknown, @Query() query: unknown, @Anvandare() principal: Principal) {
    const { ar, tillfalle } = parseRequest(uppfoljningParams, params, 'Ogiltig uppföljning');
    return this.maluppfyllelse.uppfoljning(ar, tillfalle, parseRequest(namndQuery, query, 'Ogiltig fråga').namnd, principal);
  }

  @Post('uppfoljning/:ar/:tillfalle/forslag')
  @HttpCode(200)
  @Atkomst('processledare', 'ekonomidirektor')
  @ApiOperation({ summary: 'Spara och publicera förslagen för de mål som ännu inte är bedömda' })
  @ApiQuery({ name: 'namnd', required: false })
  lagraForslag(
    @Param() params: unknown,
    @Query() query: unknown,
    @Anvandare() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    const { ar, tillfalle } = parseRequest(uppfoljningParams, params, 'Ogiltig uppföljning');
    return this.maluppfyllelse.lagraForslag(
      ar,
      tillfalle,
      parseRequest(namndQuery, query, 'Ogiltig fråga').namnd,
      principal,
      correlationId,
    );
  }

  @Get('mal/:id/bedomningar/:ar/:tillfalle')
  @Atkomst(...LASARE)
  @ApiOperation({ summary: 'Målets bedömning vid uppföljningen: förslaget och beslutet' })
  @ApiOkResponse({ schema: openApiSchema(malbedomningSchema) })
  hamta(@Param() params: unknown, @Anvandare() principal: Principal) {
    const { id, ar, tillfalle } = parseRequest(bedomningParams, params, 'Ogiltig bedömning');
    return this.maluppfyllelse.hamta(id, ar, tillfalle, principal);
  }

  @Put('mal/:id/bedomningar/:ar/:tillfalle')
  @Atkomst('processledare', 'ekonomidirektor')
  @ApiOperation({ summary: 'Processledarens bedömning: godta förslaget eller ändra det med motivering; analysen krävs' })
  @ApiBody({ schema: openApiSchema(bedomMalRequestSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(malbedomningSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  bedom(@Param() params: unknown, @Body() body: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    const { id, ar, tillfalle } = parseRequest(bedomningParams, params, 'Ogiltig bedömning');
    return this.maluppfyllelse.bedom(
      id,
      ar,
      tillfalle,
      parseRequest(bedomMalRequestSchema, body, 'Ogiltig bedömning'),
      principal,
      correlationId,
    );
  }
}
