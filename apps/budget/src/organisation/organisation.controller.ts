import { Body, Controller, Get, Header, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { organisationNodeSchema } from '@tertial/contracts/organisation';
import {
  Anvandare,
  Atkomst,
  CorrelationId,
  MEDARBETARE,
  OmfangService,
  openApiSchema,
  parseRequest,
  type Principal,
  PROBLEM_RESPONSE,
  ProblemException,
} from '@tertial/service-kit';
import { z } from 'zod';

import { organisationFranCsv, organisationTillCsv } from './organisation-csv.js';
import { idag, OrganisationService } from './organisation.service.js';

const datumQuerySchema = z.object({ datum: z.iso.date({ error: 'ska vara ett datum ÅÅÅÅ-MM-DD' }).optional() });

@ApiTags('organisation')
@Controller('organisation')
export class OrganisationController {
  constructor(
    @Inject(OrganisationService) private readonly organisation: OrganisationService,
    @Inject(OmfangService) private readonly omfang: OmfangService,
  ) {}

  @Get()
  @Atkomst(...MEDARBETARE)
  @ApiOperation({
    summary:
      'Organisationsträdet som det såg ut ett visst datum (i dag om inget anges): den del man arbetar i och noderna ovanför; ekonomidirektören ser allt',
  })
  @ApiQuery({ name: 'datum', required: false, example: '2026-08-31' })
  @ApiOkResponse({ schema: openApiSchema(z.array(organisationNodeSchema)) })
  async lista(@Query() query: unknown, @Anvandare() principal: Principal) {
    const { datum } = parseRequest(datumQuerySchema, query, 'Ogiltig fråga');
    const omfang = await this.omfang.for(principal);
    // The person's part of the tree and the nodes above it (so it hangs together); the ekonomidirektör sees all.
    return (await this.organisation.vid(datum ?? idag())).filter((node) => omfang.serDelAv(node.kod));
  }

  @Get('versioner')
  @Atkomst('ekonomidirektor')
  @ApiOperation({ summary: 'Alla versioner av alla noder: varje omorganisation med sitt datum' })
  @ApiOkResponse({ schema: openApiSchema(z.array(organisationNodeSchema)) })
  versioner() {
    return this.organisation.versioner();
  }

  @Get('export.csv')
  @Atkomst('ekonomidirektor')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="organisation.csv"')
  @ApiOperation({ summary: 'Organisationen som CSV (semikolon, UTF-8), som den såg ut ett datum' })
  @ApiProduces('text/csv')
  @ApiQuery({ name: 'datum', required: false })
  async exportera(@Query() query: unknown) {
    const { datum } = parseRequest(datumQuerySchema, query, 'Ogiltig fråga');
    return organisationTillCsv(await this.organisation.vid(datum ?? idag()));
  }

  @Post('import')
  @Atkomst('ekonomidirektor')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Läs in noder från CSV (samma kolumner som exporten); en rad med nytt giltig_fran är en omorganisation från det datumet',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string' } })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 422, ...PROBLEM_RESPONSE })
  async importera(@Body() body: unknown, @Anvandare() principal: Principal, @CorrelationId() correlationId: string) {
    if (typeof body !== 'string' || body.trim() === '') {
      throw new ProblemException(415, 'Formatet stöds inte', 'Skicka organisationen som text/csv.', [
        { field: '(body)', message: 'ska vara CSV med content-type text/csv' },
      ]);
    }
    const result = organisationFranCsv(body);
    if (!result.ok) {
      const errors = result.fel.map((fel) => ({ field: `rad ${fel.rad}: ${fel.falt}`, message: fel.meddelande }));
      throw new ProblemException(400, 'Ogiltig CSV', `${errors.length} fel; inget sparades.`, errors.slice(0, 100));
    }
    return { sparade: await this.organisation.spara(result.nodes, correlationId, principal) };
  }

  @Get(':kod')
  @Atkomst(...MEDARBETARE)
  @ApiOperation({ summary: 'En nod i organisationen, som den såg ut ett datum' })
  @ApiOkResponse({ schema: openApiSchema(organisationNodeSchema) })
  @ApiResponse({ status: 404, ...PROBLEM_RESPONSE })
  async hamta(@Param('kod') kod: string, @Query() query: unknown, @Anvandare() principal: Principal) {
    const { datum } = parseRequest(datumQuerySchema, query, 'Ogiltig fråga');
    (await this.omfang.for(principal)).kravSerDelAv(kod);
    const node = (await this.organisation.vid(datum ?? idag())).find((candidate) => candidate.kod === kod);
    if (!node)
      throw new ProblemException(404, 'Hittades inte', `Det finns ingen nod med koden ${kod}.`, [{ field: 'kod', message: 'okänd kod' }]);
    return node;
  }
}
