import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { arSchema, malSchema, skapaMalRequestSchema } from '@tertial/contracts';
import { openApiSchema, parseRequest, PROBLEM_RESPONSE } from '@tertial/service-kit';
import { z } from 'zod';

import { MalService } from './mal.service.js';

const listQuerySchema = z.object({ namnd: z.string().optional(), ar: z.coerce.number().pipe(arSchema).optional() });

@ApiTags('mål')
@Controller('mal')
export class MalController {
  constructor(@Inject(MalService) private readonly mal: MalService) {}

  @Get()
  @ApiOperation({ summary: 'Nämndernas mål, per nämnd och år' })
  @ApiQuery({ name: 'namnd', required: false })
  @ApiQuery({ name: 'ar', required: false, type: Number })
  @ApiOkResponse({ schema: openApiSchema(z.array(malSchema)) })
  lista(@Query() query: unknown) {
    return this.mal.lista(parseRequest(listQuerySchema, query, 'Ogiltig fråga'));
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Lägg till ett mål för en nämnd (högst tre per år)' })
  @ApiBody({ schema: openApiSchema(skapaMalRequestSchema, 'input') })
  @ApiCreatedResponse({ schema: openApiSchema(malSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 409, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 422, ...PROBLEM_RESPONSE })
  skapa(@Body() body: unknown) {
    return this.mal.skapa(body);
  }
}
