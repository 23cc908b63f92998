import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { prognossakerhetSchema } from '@tertial/contracts/dto';
import { arSchema } from '@tertial/contracts/prognos';
import { Atkomst, openApiSchema, parseRequest, PROBLEM_RESPONSE } from '@tertial/service-kit';
import { z } from 'zod';

import { PrognossakerhetService } from './prognossakerhet.service.js';

@ApiTags('rapporter')
@Controller('prognossakerhet')
export class PrognossakerhetController {
  constructor(@Inject(PrognossakerhetService) private readonly prognossakerhet: PrognossakerhetService) {}

  @Get()
  @Atkomst('ekonomidirektor')
  @ApiOperation({
    summary:
      'Prognossäkerhet per nämnd och för staden: varje omgångs avvikelse mot budget, bokslutets och prognosavvikelsen (bokslutets − prognosens)',
  })
  @ApiQuery({ name: 'ar', type: Number, example: 2025 })
  @ApiOkResponse({ schema: openApiSchema(prognossakerhetSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  hamta(@Query() query: unknown) {
    return this.prognossakerhet.prognossakerhet(
      parseRequest(z.object({ ar: z.coerce.number().pipe(arSchema) }), query, 'Ogiltig fråga').ar,
    );
  }
}
