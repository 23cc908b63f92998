import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ROLLER } from '@tertial/contracts/access';
import { rapportSchema, skapaRapportRequestSchema } from '@tertial/contracts/dto';
import { Anvandare, Atkomst, CorrelationId, openApiSchema, parseRequest, PROBLEM_RESPONSE, type Principal } from '@tertial/service-kit';
import { z } from 'zod';

import { RapporterService } from './rapporter.service.js';

// A report's id is a uuid: anything else is a 400 naming the field, not a query the database refuses.
const rapportAdressSchema = z.object({ id: z.uuid('ska vara en rapports id (uuid)') });
const ID_PARAM = { name: 'id', schema: { type: 'string', format: 'uuid' } } as const;
const rapportId = (id: string) => parseRequest(rapportAdressSchema, { id }, 'Ogiltig adress').id;

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
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ schema: openApiSchema(rapportSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 404, ...PROBLEM_RESPONSE })
  hamta(@Param('id') id: string, @Anvandare() principal: Principal) {
    return this.rapporter.hamta(rapportId(id), principal);
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
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ schema: openApiSchema(rapportSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 404, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 409, ...PROBLEM_RESPONSE })
  faststall(@Param('id') id: string, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    return this.rapporter.faststall(rapportId(id), principal, correlationId);
  }
}
