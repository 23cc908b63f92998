import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { organisationNodeSchema } from '@tertial/contracts';
import { openApiSchema, PROBLEM_RESPONSE, ProblemException } from '@tertial/service-kit';
import { z } from 'zod';

import { OrganisationService } from './organisation.service.js';

@ApiTags('organisation')
@Controller('organisation')
export class OrganisationController {
  constructor(@Inject(OrganisationService) private readonly organisation: OrganisationService) {}

  @Get()
  @ApiOperation({ summary: 'Hela organisationsträdet: stad, nämnder, förvaltningar, avdelningar och enheter (ansvar)' })
  @ApiOkResponse({ schema: openApiSchema(z.array(organisationNodeSchema)) })
  list() {
    return this.organisation.list();
  }

  @Get(':kod')
  @ApiOperation({ summary: 'En nod i organisationen' })
  @ApiOkResponse({ schema: openApiSchema(organisationNodeSchema) })
  @ApiNotFoundResponse(PROBLEM_RESPONSE)
  async get(@Param('kod') kod: string) {
    const node = (await this.organisation.list()).find((candidate) => candidate.kod === kod);
    if (!node) throw new ProblemException(404, 'Hittades inte', `Det finns ingen nod med koden ${kod}.`, [{ field: 'kod', message: 'okänd kod' }]);
    return node;
  }
}
