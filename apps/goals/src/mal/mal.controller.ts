import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { malSchema, skapaMalRequestSchema } from '@tertial/contracts/dto';
import { arSchema } from '@tertial/contracts/prognos';
import { Anvandare, Atkomst, CorrelationId, openApiSchema, parseRequest, PROBLEM_RESPONSE, type Principal } from '@tertial/service-kit';
import { z } from 'zod';

import { MalService } from './mal.service.js';

const listQuerySchema = z.object({ namnd: z.string().optional(), ar: z.coerce.number().pipe(arSchema).optional() });

@ApiTags('mål')
@Controller('mal')
export class MalController {
  constructor(@Inject(MalService) private readonly mal: MalService) {}

  @Get()
  @Atkomst('chef', 'forvaltningsekonom', 'processledare', 'ekonomidirektor')
  @ApiOperation({ summary: 'Målen för de nämnder man arbetar i (ekonomidirektören: alla), per nämnd och år' })
  @ApiQuery({ name: 'namnd', required: false })
  @ApiQuery({ name: 'ar', required: false, type: Number })
  @ApiOkResponse({ schema: openApiSchema(z.array(malSchema)) })
  lista(@Query() query: unknown, @Anvandare() principal: Principal) {
    return this.mal.lista(parseRequest(listQuerySchema, query, 'Ogiltig fråga'), principal);
  }

  @Post()
  @HttpCode(201)
  @Atkomst('processledare')
  @ApiOperation({ summary: 'Processledaren lägger till ett mål för sin nämnd (högst tre per år)' })
  @ApiBody({ schema: openApiSchema(skapaMalRequestSchema, 'input') })
  @ApiCreatedResponse({ schema: openApiSchema(malSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 409, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 422, ...PROBLEM_RESPONSE })
  skapa(@Body() body: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    return this.mal.skapa(parseRequest(skapaMalRequestSchema, body, 'Ogiltigt mål'), principal, correlationId);
  }
}
