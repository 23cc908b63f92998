import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  andraInriktningRequestSchema,
  inriktningSchema,
  inriktningsnivaSchema,
  skapaInriktningRequestSchema,
} from '@tertial/contracts/dto';
import { Anvandare, Atkomst, CorrelationId, openApiSchema, parseRequest, PROBLEM_RESPONSE, type Principal } from '@tertial/service-kit';
import { z } from 'zod';

import { idSchema } from '../mal/mal.controller.js';
import { InriktningarService } from './inriktningar.service.js';

const listQuerySchema = z.object({ namnd: z.string().optional(), niva: inriktningsnivaSchema.optional() });

@ApiTags('inriktningar')
@Controller('inriktningar')
export class InriktningarController {
  constructor(@Inject(InriktningarService) private readonly inriktningar: InriktningarService) {}

  @Get()
  @Atkomst('chef', 'forvaltningsekonom', 'processledare', 'ekonomidirektor')
  @ApiOperation({ summary: 'Stadens inriktningar för mandatperioden och nämndernas och bolagens' })
  @ApiQuery({ name: 'namnd', required: false })
  @ApiQuery({ name: 'niva', required: false, enum: ['stad', 'namnd', 'bolag'] })
  @ApiOkResponse({ schema: openApiSchema(z.array(inriktningSchema)) })
  lista(@Query() query: unknown, @Anvandare() principal: Principal) {
    return this.inriktningar.lista(parseRequest(listQuerySchema, query, 'Ogiltig fråga'), principal);
  }

  @Post()
  @HttpCode(201)
  @Atkomst('processledare', 'ekonomidirektor')
  @ApiOperation({ summary: 'KF har satt en inriktning (stadens: ekonomidirektören; en nämnds: dess processledare)' })
  @ApiBody({ schema: openApiSchema(skapaInriktningRequestSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(inriktningSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  skapa(@Body() body: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    return this.inriktningar.skapa(parseRequest(skapaInriktningRequestSchema, body, 'Ogiltig inriktning'), principal, correlationId);
  }

  @Put(':id')
  @Atkomst('processledare', 'ekonomidirektor')
  @ApiOperation({ summary: 'KF har ändrat inriktningen' })
  @ApiBody({ schema: openApiSchema(andraInriktningRequestSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(inriktningSchema) })
  @ApiResponse({ status: 409, ...PROBLEM_RESPONSE })
  andra(@Param() params: unknown, @Body() body: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    const { id } = parseRequest(idSchema, params, 'Ogiltig inriktning');
    return this.inriktningar.andra(id, parseRequest(andraInriktningRequestSchema, body, 'Ogiltig ändring'), principal, correlationId);
  }
}
