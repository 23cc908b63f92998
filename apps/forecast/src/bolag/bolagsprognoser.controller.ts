import { Body, Controller, Get, Inject, Param, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { bolagskodSchema, bolagsprognosRequestSchema, bolagsprognosSchema } from '@tertial/contracts/dto';
import { arSchema, prognostillfalleSchema } from '@tertial/contracts/prognos';
import { Anvandare, Atkomst, CorrelationId, openApiSchema, parseRequest, type Principal, PROBLEM_RESPONSE } from '@tertial/service-kit';
import { z } from 'zod';

import { BolagsprognoserService } from './bolagsprognoser.service.js';

const arQuerySchema = z.object({ ar: z.coerce.number().pipe(arSchema).default(new Date().getFullYear()) });
const paramsSchema = z.object({ bolag: bolagskodSchema, ar: z.coerce.number().pipe(arSchema), tillfalle: prognostillfalleSchema });

@ApiTags('bolagsprognoser')
@Controller('bolagsprognoser')
export class BolagsprognoserController {
  constructor(@Inject(BolagsprognoserService) private readonly prognoser: BolagsprognoserService) {}

  @Get()
  @Atkomst('ekonomidirektor', 'bolagsekonom')
  @ApiOperation({ summary: 'Bolagens helårsprognoser ett år: alla för ekonomidirektören, det egna bolagets för dess ekonomichef' })
  @ApiQuery({ name: 'ar', required: false, type: Number })
  @ApiOkResponse({ schema: openApiSchema(z.array(bolagsprognosSchema)) })
  lista(@Query() query: unknown, @Anvandare() principal: Principal) {
    return this.prognoser.lista(parseRequest(arQuerySchema, query, 'Ogiltig fråga').ar, principal);
  }

  @Put(':bolag/:ar/:tillfalle')
  @Atkomst('bolagsekonom')
  @ApiOperation({
    summary:
      'Bolagets ekonomichef sparar bolagets helårsprognos: intäkter, kostnader, resultat efter finansiella poster, investeringar och en kommentar',
  })
  @ApiParam({ name: 'bolag', example: 'HBGHEM' })
  @ApiParam({ name: 'ar', example: 2026 })
  @ApiParam({ name: 'tillfalle', example: 'augusti' })
  @ApiBody({ schema: openApiSchema(bolagsprognosRequestSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(bolagsprognosSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 409, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 422, ...PROBLEM_RESPONSE })
  spara(@Param() params: unknown, @Body() body: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    const { bolag, ar, tillfalle } = parseRequest(paramsSchema, params, 'Ogiltig adress');
    const request = parseRequest(bolagsprognosRequestSchema, body, 'Ogiltig prognos');
    return this.prognoser.spara(bolag, ar, tillfalle, request, principal, correlationId);
  }
}
