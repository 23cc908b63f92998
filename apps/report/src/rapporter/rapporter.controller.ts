import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ROLLER } from '@tertial/contracts/access';
import { rapportSchema, skapaRapportRequestSchema } from '@tertial/contracts/dto';
import { Anvandare, Atkomst, CorrelationId, openApiSchema, parseRequest, PROBLEM_RESPONSE, type Principal } from '@tertial/service-kit';
import { z } from 'zod';

import { RapporterService } from './rapporter.service.js';

@ApiTags('rapporter')
@Controller('rapporter')
export class RapporterController {
  constructor(@Inject(RapporterService) private readonly rapporter: RapporterService) {}

  @Get()
  @Atkomst(...ROLLER)
  @ApiOperation({ summary: 'Rapporterna: fastställda för alla, utkast bara för ekonomidirektören' })
  @ApiOkResponse({ schema: openApiSchema(z.array(rapportSchema)) })
  lista(@Anvandare() principal: Principal) {
    return this.rapporter.lista(principal);
  }

  @Get(':id')
  @Atkomst(...ROLLER)
  @ApiOperation({ summary: 'En rapport; ett utkast bara för ekonomidirektören' })
  @ApiOkResponse({ schema: openApiSchema(rapportSchema) })
  hamta(@Param('id') id: string, @Anvandare() principal: Principal) {
    return this.rapporter.hamta(id, principal);
  }

  @Post()
  @HttpCode(201)
  @Atkomst('ekonomidirektor')
  @ApiOperation({ summary: 'Skapa ett rapportutkast av prognosens aktuella totaler för ett år och tillfälle' })
  @ApiBody({ schema: openApiSchema(skapaRapportRequestSchema, 'input') })
  @ApiCreatedResponse({ schema: openApiSchema(rapportSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  skapa(@Body() body: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    return this.rapporter.skapa(parseRequest(skapaRapportRequestSchema, body, 'Ogiltig rapport'), principal, correlationId);
  }

  @Post(':id/faststall')
  @HttpCode(200)
  @Atkomst('ekonomidirektor')
  @ApiOperation({ summary: 'Fastställ ett rapportutkast: därefter kan kommunfullmäktige läsa det, och det ändras aldrig' })
  @ApiOkResponse({ schema: openApiSchema(rapportSchema) })
  @ApiResponse({ status: 409, ...PROBLEM_RESPONSE })
  faststall(@Param('id') id: string, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    return this.rapporter.faststall(id, principal, correlationId);
  }
}
