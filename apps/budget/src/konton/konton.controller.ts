import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { kontogruppIntervallSchema } from '@tertial/contracts';
import { openApiSchema, PROBLEM_RESPONSE } from '@tertial/service-kit';
import { z } from 'zod';

import { KontonService } from './konton.service.js';

@ApiTags('konton')
@Controller()
export class KontonController {
  constructor(@Inject(KontonService) private readonly konton: KontonService) {}

  @Get('konton')
  @ApiOperation({ summary: 'Kontoplanen, med den kontogrupp varje konto hör till enligt mappningstabellen' })
  lista() {
    return this.konton.konton();
  }

  @Get('kontogrupper')
  @ApiOperation({ summary: 'Kontogrupperna: intäkter och kostnader visas båda som positiva belopp; nettokostnad = kostnader − intäkter' })
  grupper() {
    return this.konton.kontogrupper();
  }

  @Get('kontogrupper/mappning')
  @ApiOperation({ summary: 'Tabellen som mappar kontointervall (Kommun-Bas) till kontogrupper' })
  @ApiOkResponse({ schema: openApiSchema(z.array(kontogruppIntervallSchema)) })
  mappning() {
    return this.konton.mappning();
  }

  @Put('kontogrupper/mappning')
  @ApiOperation({ summary: 'Ersätt mappningstabellen; överlappande intervall avvisas' })
  @ApiBody({ schema: openApiSchema(z.array(kontogruppIntervallSchema), 'input') })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  ersatt(@Body() body: unknown) {
    return this.konton.ersattMappning(body);
  }
}
