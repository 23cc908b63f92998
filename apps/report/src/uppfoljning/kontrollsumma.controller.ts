import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { kontrollsummaSchema } from '@tertial/contracts/dto';
import { Atkomst, openApiSchema } from '@tertial/service-kit';

import { UppfoljningService } from './uppfoljning.service.js';

@ApiTags('uppfoljning')
@Controller('kontrollsumma')
export class KontrollsummaController {
  constructor(@Inject(UppfoljningService) private readonly uppfoljning: UppfoljningService) {}

  @Get()
  @Atkomst('ekonomidirektor')
  @ApiOperation({
    summary: 'En kontrollsumma över varje prognosomgångs uppföljning (alla noders siffror), för att jämföra två rapportdatabaser',
    description:
      'Används av `npx tertial rebuild report`, som jämför den körande tjänsten med en som byggts upp på nytt ur händelseloggen.',
  })
  @ApiOkResponse({ schema: openApiSchema(kontrollsummaSchema) })
  hamta() {
    return this.uppfoljning.kontrollsumma();
  }
}
