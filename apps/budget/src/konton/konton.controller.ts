import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { internKontointervallSchema, kontogruppIntervallSchema } from '@tertial/contracts/kontoplan';
import {
  Anvandare,
  Atkomst,
  CorrelationId,
  MEDARBETARE,
  openApiSchema,
  parseRequest,
  type Principal,
  PROBLEM_RESPONSE,
} from '@tertial/service-kit';
import { z } from 'zod';

import { KontonService } from './konton.service.js';

const internaSchema = z.object({ intervall: z.array(internKontointervallSchema) });

@ApiTags('konton')
@Controller()
export class KontonController {
  constructor(@Inject(KontonService) private readonly konton: KontonService) {}

  @Get('konton')
  @Atkomst(...MEDARBETARE)
  @ApiOperation({
    summary: 'Kontoplanen, med den kontogrupp varje konto hör till enligt mappningstabellen och om kontot är internt',
  })
  lista() {
    return this.konton.konton();
  }

  @Get('konton/interna')
  @Atkomst(...MEDARBETARE)
  @ApiOperation({
    summary: 'Kontoplanens interna konton (interna hyror, kapitalkostnader, köp mellan nämnder), som elimineras på stadsnivå',
  })
  @ApiOkResponse({ schema: openApiSchema(internaSchema) })
  async interna() {
    return { intervall: await this.konton.interna() };
  }

  @Put('konton/interna')
  @Atkomst('ekonomidirektor')
  @ApiOperation({
    summary:
      'Ersätt kontoplanens interna kontointervall (en tom lista: inga interna konton); överlappande intervall avvisas (422). Publiceras som budget.kontoplan-uppdaterad',
  })
  @ApiBody({ schema: openApiSchema(internaSchema, 'input') })
  @ApiOkResponse({ schema: openApiSchema(internaSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 422, ...PROBLEM_RESPONSE })
  async ersattInterna(@Body() body: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    const { intervall } = parseRequest(internaSchema, body, 'Ogiltiga interna konton');
    return { intervall: await this.konton.ersattInterna(intervall, principal, correlationId) };
  }

  @Get('kontogrupper')
  @Atkomst(...MEDARBETARE)
  @ApiOperation({ summary: 'Kontogrupperna: intäkter och kostnader visas båda som positiva belopp; nettokostnad = kostnader − intäkter' })
  grupper() {
    return this.konton.kontogrupper();
  }

  @Get('kontogrupper/mappning')
  @Atkomst(...MEDARBETARE)
  @ApiOperation({ summary: 'Tabellen som mappar kontointervall (Kommun-Bas) till kontogrupper' })
  @ApiOkResponse({ schema: openApiSchema(z.array(kontogruppIntervallSchema)) })
  mappning() {
    return this.konton.mappning();
  }

  @Put('kontogrupper/mappning')
  @Atkomst('ekonomidirektor')
  @ApiOperation({ summary: 'Ersätt mappningstabellen; överlappande intervall avvisas' })
  @ApiBody({ schema: openApiSchema(z.array(kontogruppIntervallSchema), 'input') })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  ersatt(@Body() body: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    const tabell = parseRequest(z.array(kontogruppIntervallSchema).min(1, 'tabellen får inte vara tom'), body, 'Ogiltig kontogruppstabell');
    return this.konton.ersattMappning(tabell, principal, correlationId);
  }
}
