import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  arSchema,
  budgetbeslutRequestSchema,
  internbudgetRequestSchema,
  internbudgetSchema,
  resursfordelningRequestSchema,
  resursfordelningSchema,
  resultatoverforingSchema,
  versionsjamforelseSchema,
} from '@tertial/contracts';
import { CorrelationId, openApiSchema, parseRequest, PROBLEM_RESPONSE } from '@tertial/service-kit';
import { z } from 'zod';

import { BudgetService } from './budget.service.js';

const arQuerySchema = z.object({ ar: z.coerce.number().pipe(arSchema) });

@ApiTags('budget')
@Controller()
export class BudgetController {
  constructor(@Inject(BudgetService) private readonly budget: BudgetService) {}

  @Get('namnder/:kod/resursfordelning')
  @ApiOperation({ summary: 'Nämndens ram för ett år enligt resursfördelningsmodellens sju steg, varje steg med sitt underlag (vattenfall)' })
  @ApiQuery({ name: 'ar', type: Number, example: 2027 })
  @ApiOkResponse({ schema: openApiSchema(resursfordelningSchema) })
  @ApiResponse({ status: 404, ...PROBLEM_RESPONSE })
  resursfordelning(@Param('kod') kod: string, @Query() query: unknown) {
    return this.budget.resursfordelning(kod, parseRequest(arQuerySchema, query, 'Ogiltig fråga').ar);
  }

  @Post('resursfordelning')
  @HttpCode(200)
  @ApiOperation({ summary: 'Beräkna och spara en nämnds resursfördelning från nytt underlag (belopp i kronor, procentsatser som text)' })
  @ApiBody({ schema: openApiSchema(resursfordelningRequestSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(resursfordelningSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 422, ...PROBLEM_RESPONSE })
  sparaResursfordelning(@Body() body: unknown) {
    return this.budget.sparaResursfordelning(body);
  }

  @Get('namnder/:kod/internbudget')
  @ApiOperation({ summary: 'Nämndens internbudget nedbruten i organisationen, med det som ännu inte är fördelat' })
  @ApiQuery({ name: 'ar', type: Number, example: 2026 })
  @ApiOkResponse({ schema: openApiSchema(internbudgetSchema) })
  @ApiResponse({ status: 404, ...PROBLEM_RESPONSE })
  internbudget(@Param('kod') kod: string, @Query() query: unknown) {
    return this.budget.internbudget(kod, parseRequest(arQuerySchema, query, 'Ogiltig fråga').ar);
  }

  @Post('internbudgetar')
  @HttpCode(201)
  @ApiOperation({ summary: 'Besluta en ny internbudget för en nämnd; en som överskrider ramen avvisas och inget sparas' })
  @ApiBody({ schema: openApiSchema(internbudgetRequestSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(internbudgetSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 422, ...PROBLEM_RESPONSE })
  beslutaInternbudget(@Body() body: unknown, @CorrelationId() correlationId: string) {
    return this.budget.beslutaInternbudget(body, correlationId);
  }

  @Get('resultatoverforing')
  @ApiOperation({ summary: 'Förslag till resultatöverföring per nämnd: ram minus utfall (nettokostnad), överfört till nästa års ram enligt stadens regel' })
  @ApiQuery({ name: 'ar', type: Number, example: 2026 })
  @ApiOkResponse({ schema: openApiSchema(resultatoverforingSchema) })
  resultatoverforing(@Query() query: unknown) {
    return this.budget.resultatoverforing(parseRequest(arQuerySchema, query, 'Ogiltig fråga').ar);
  }

  @Post('budgetversioner')
  @HttpCode(201)
  @ApiOperation({ summary: 'Registrera KF:s beslut om ramar eller en tilläggsbudget som en ny version (belopp i kronor)' })
  @ApiBody({ schema: openApiSchema(budgetbeslutRequestSchema, 'input') })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 422, ...PROBLEM_RESPONSE })
  beslutaBudget(@Body() body: unknown, @CorrelationId() correlationId: string) {
    return this.budget.beslutaBudget(body, correlationId);
  }

  @Get('budgetversioner')
  @ApiOperation({ summary: 'Årets budgetversioner sida vid sida per nämnd: KF:s beslut, tilläggsbudgetar och internbudgetar' })
  @ApiQuery({ name: 'ar', type: Number, example: 2026 })
  @ApiOkResponse({ schema: openApiSchema(versionsjamforelseSchema) })
  versioner(@Query() query: unknown) {
    return this.budget.jamforelse(parseRequest(arQuerySchema, query, 'Ogiltig fråga').ar);
  }
}
