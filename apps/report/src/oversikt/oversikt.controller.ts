import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { oversiktSchema, oversiktTillfalleSchema } from '@tertial/contracts/dto';
import { arSchema } from '@tertial/contracts/prognos';
import { Anvandare, Atkomst, openApiSchema, parseRequest, PROBLEM_RESPONSE, type Principal } from '@tertial/service-kit';
import { z } from 'zod';

import { OversiktService } from './oversikt.service.js';

const querySchema = z.object({ ar: z.coerce.number().pipe(arSchema), tillfalle: oversiktTillfalleSchema });

@ApiTags('rapporter')
@Controller('oversikt')
export class OversiktController {
  constructor(@Inject(OversiktService) private readonly oversikt: OversiktService) {}

  @Get()
  @Atkomst('ekonomidirektor')
  @ApiOperation({
    summary:
      'Ekonomidirektörens sammanställda bild av staden vid en delårsrapports omgång: per nämnd budget, utfall och prognos, vägen från budgeterat till prognostiserat resultat, trenden april → augusti → bokslut och måluppfyllelsen',
  })
  @ApiQuery({ name: 'ar', type: Number, example: 2026 })
  @ApiQuery({ name: 'tillfalle', enum: ['april', 'augusti'] })
  @ApiOkResponse({ schema: openApiSchema(oversiktSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  hamta(@Query() query: unknown, @Anvandare() principal: Principal) {
    const { ar, tillfalle } = parseRequest(querySchema, query, 'Ogiltig fråga');
    return this.oversikt.oversikt(ar, tillfalle, principal);
  }
}
