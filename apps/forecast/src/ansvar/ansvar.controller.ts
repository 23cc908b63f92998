import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { organisationNodeSchema } from '@tertial/contracts/organisation';
import { Anvandare, Atkomst, OmfangService, openApiSchema, OrganisationReplica, type Principal } from '@tertial/service-kit';
import { z } from 'zod';

@ApiTags('ansvar')
@Controller('ansvar')
export class AnsvarController {
  constructor(
    @Inject(OrganisationReplica) private readonly organisation: OrganisationReplica,
    @Inject(OmfangService) private readonly omfang: OmfangService,
  ) {}

  @Get()
  @Atkomst('chef', 'forvaltningsekonom', 'ekonomidirektor')
  @ApiOperation({ summary: 'De ansvar man ser (ekonomidirektören: alla), med ansvarig chef och om de är ens egna' })
  @ApiOkResponse({ schema: openApiSchema(z.array(organisationNodeSchema.extend({ eget: z.boolean() }))) })
  async lista(@Anvandare() principal: Principal) {
    const omfang = await this.omfang.for(principal);
    return (await this.organisation.allNodes())
      .filter((node) => node.niva === 'enhet' && omfang.ser(node.kod))
      .map((node) => ({ ...node, eget: omfang.arEget(node.kod) }));
  }
}
