import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  budgetbeslutRequestSchema,
  internbudgetRequestSchema,
  internbudgetSchema,
  resursfordelningarSchema,
  resursfordelningRequestSchema,
  resursfordelningSchema,
  resultatoverforingSchema,
  versionsjamforelseSchema,
} from '@tertial/contracts/dto';
import { arSchema } from '@tertial/contracts/prognos';
import {
  Anvandare,
  Atkomst,
  CorrelationId,
  OmfangService,
  openApiSchema,
  parseRequest,
  type Principal,
  PROBLEM_RESPONSE,
} from '@tertial/service-kit';
import { z } from 'zod';

import { BudgetService } from './budget.service.js';

const arQuerySchema = z.object({ ar: z.coerce.number().pipe(arSchema) });

@ApiTags('budget')
@Controller()
export class BudgetController {
  constructor(
    @Inject(BudgetService) private readonly budget: BudgetService,
    @Inject(OmfangService) private readonly omfang: OmfangService,
  ) {}

  @Get('resursfordelningar')
  @Atkomst('ekonomidirektor', 'forvaltningsekonom')
  @ApiOperation({ summary: 'Vilka nämnder (av dem man ser) som har en resursfördelning för året' })
  @ApiQuery({ name: 'ar', type: Number, example: 2027 })
  @ApiOkResponse({ schema: openApiSchema(resursfordelningarSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  async resursfordelningar(@Query() query: unknown, @Anvandare() principal: Principal) {
    const { ar } = parseRequest(arQuerySchema, query, 'Ogiltig fråga');
    const omfang = await this.omfang.for(principal);
    const namnder = await this.budget.namnderMedResursfordelning(ar);
    return { ar, namnder: namnder.filter((namnd) => omfang.alla || omfang.serDelAv(namnd)) };
  }

  @Get('namnder/:kod/resursfordelning')
  @Atkomst('ekonomidirektor', 'forvaltningsekonom')
  @ApiOperation({
    summary: 'Nämndens ram för ett år enligt resursfördelningsmodellens sju steg, varje steg med sitt underlag (vattenfall)',
  })
  @ApiQuery({ name: 'ar', type: Number, example: 2027 })
  @ApiOkResponse({ schema: openApiSchema(resursfordelningSchema) })
  @ApiResponse({ status: 404, ...PROBLEM_RESPONSE })
  async resursfordelning(@Param('kod') kod: string, @Query() query: unknown, @Anvandare() principal: Principal) {
    (await this.omfang.for(principal)).kravNamnd(kod);
    return this.budget.resursfordelning(kod, parseRequest(arQuerySchema, query, 'Ogiltig fråga').ar);
  }

  @Post('resursfordelning')
  @Atkomst('ekonomidirektor')
  @HttpCode(200)
  @ApiOperation({ summary: 'Beräkna och spara en nämnds resursfördelning från nytt underlag (belopp i kronor, procentsatser som text)' })
  @ApiBody({ schema: openApiSchema(resursfordelningRequestSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(resursfordelningSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 422, ...PROBLEM_RESPONSE })
  sparaResursfordelning(@Body() body: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    const request = parseRequest(resursfordelningRequestSchema, body, 'Ogiltigt underlag för resursfördelning');
    return this.budget.sparaResursfordelning(request, principal, correlationId);
  }

  @Get('namnder/:kod/internbudget')
  @Atkomst('ekonomidirektor', 'forvaltningsekonom')
  @ApiOperation({ summary: 'Nämndens internbudget nedbruten i organisationen, med det som ännu inte är fördelat' })
  @ApiQuery({ name: 'ar', type: Number, example: 2026 })
  @ApiOkResponse({ schema: openApiSchema(internbudgetSchema) })
  @ApiResponse({ status: 404, ...PROBLEM_RESPONSE })
  async internbudget(@Param('kod') kod: string, @Query() query: unknown, @Anvandare() principal: Principal) {
    const omfang = await this.omfang.for(principal);
    omfang.kravNamnd(kod);
    const internbudget = await this.budget.internbudget(kod, parseRequest(arQuerySchema, query, 'Ogiltig fråga').ar);
    // A förvaltningsekonom sees their förvaltning's part of the tree (and the nodes above it), not a sister förvaltning's.
    return omfang.alla
      ? internbudget
      : { ...internbudget, noder: internbudget.noder.filter((nod) => omfang.serDelAv(nod.kod) || omfang.ser(nod.kod)) };
  }

  @Post('internbudgetar')
  @Atkomst('ekonomidirektor')
  @HttpCode(201)
  @ApiOperation({ summary: 'Besluta en ny internbudget för en nämnd; en som överskrider ramen avvisas och inget sparas' })
  @ApiBody({ schema: openApiSchema(internbudgetRequestSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(internbudgetSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 422, ...PROBLEM_RESPONSE })
  beslutaInternbudget(@Body() body: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    return this.budget.beslutaInternbudget(parseRequest(internbudgetRequestSchema, body, 'Ogiltig internbudget'), principal, correlationId);
  }

  @Get('resultatoverforing')
  @Atkomst('ekonomidirektor')
  @ApiOperation({
    summary: 'Förslag till resultatöverföring per nämnd: ram minus utfall (nettokostnad), överfört till nästa års ram enligt stadens regel',
  })
  @ApiQuery({ name: 'ar', type: Number, example: 2026 })
  @ApiOkResponse({ schema: openApiSchema(resultatoverforingSchema) })
  resultatoverforing(@Query() query: unknown) {
    return this.budget.resultatoverforing(parseRequest(arQuerySchema, query, 'Ogiltig fråga').ar);
  }

  @Post('budgetversioner')
  @Atkomst('ekonomidirektor')
  @HttpCode(201)
  @ApiOperation({ summary: 'Registrera KF:s beslut om ramar eller en tilläggsbudget som en ny version (belopp i kronor)' })
  @ApiBody({ schema: openApiSchema(budgetbeslutRequestSchema, 'input') })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 422, ...PROBLEM_RESPONSE })
  beslutaBudget(@Body() body: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    return this.budget.beslutaBudget(parseRequest(budgetbeslutRequestSchema, body, 'Ogiltigt budgetbeslut'), principal, correlationId);
  }

  @Get('budgetversioner')
  @Atkomst('ekonomidirektor')
  @ApiOperation({ summary: 'Årets budgetversioner sida vid sida per nämnd: KF:s beslut, tilläggsbudgetar och internbudgetar' })
  @ApiQuery({ name: 'ar', type: Number, example: 2026 })
  @ApiOkResponse({ schema: openApiSchema(versionsjamforelseSchema) })
  versioner(@Query() query: unknown) {
    return this.budget.jamforelse(parseRequest(arQuerySchema, query, 'Ogiltig fråga').ar);
  }
}
