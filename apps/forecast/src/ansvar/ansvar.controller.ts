import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { organisationNodeSchema } from '@tertial/contracts';
import { openApiSchema, OrganisationReplica } from '@tertial/service-kit';
import { z } from 'zod';

@ApiTags('ansvar')
@Controller('ansvar')
export class AnsvarController {
  constructor(@Inject(OrganisationReplica) private readonly organisation: OrganisationReplica) {}

  @Get()
  @ApiOperation({ summary: 'De ansvar som helårsprognoser kan lämnas för, med ansvarig chef' })
  @ApiOkResponse({ schema: openApiSchema(z.array(organisationNodeSchema)) })
  async lista() {
    return (await this.organisation.allNodes()).filter((node) => node.niva === 'enhet');
  }
}
