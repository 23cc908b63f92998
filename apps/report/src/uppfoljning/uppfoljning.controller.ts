import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res, Sse, type MessageEvent } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  minaPaminnelserSchema,
  paminnelseBegaranSchema,
  paminnelseSvarSchema,
  saknadeSchema,
  uppfoljningSchema,
  type Saknade,
} from '@tertial/contracts/dto';
import { arSchema, PROGNOSTILLFALLEN, prognostillfalleSchema } from '@tertial/contracts/prognos';
import { Anvandare, Atkomst, MEDARBETARE, openApiSchema, parseRequest, PROBLEM_RESPONSE, type Principal } from '@tertial/service-kit';
import type { Request, Response } from 'express';
import { interval, map, merge, startWith, takeUntil, timer, type Observable } from 'rxjs';
import { z } from 'zod';

import { PaminnelserService } from './paminnelser.service.js';
import { saknadeTillCsv } from './saknade.js';
import { UppfoljningService } from './uppfoljning.service.js';

const omgangSchema = z.object({
  ar: z.coerce.number({ error: 'ska vara ett årtal' }).pipe(arSchema),
  tillfalle: prognostillfalleSchema,
});
const paramsSchema = omgangSchema.extend({
  kod: z.string().min(1).max(20, 'en kod har högst 20 tecken'),
});

@ApiTags('uppfoljning')
@ApiParam({ name: 'ar', type: Number, example: 2026 })
@ApiParam({ name: 'tillfalle', enum: [...PROGNOSTILLFALLEN] })
@ApiParam({ name: 'kod', description: 'nodens kod, eller `stad` för stadens topp', example: 'SN-F' })
@Controller('uppfoljning/:ar/:tillfalle/noder/:kod')
export class UppfoljningController {
  constructor(
    @Inject(UppfoljningService) private readonly uppfoljning: UppfoljningService,
    @Inject(PaminnelserService) private readonly paminnelser: PaminnelserService,
  ) {}

  @Get()
  @Atkomst(...MEDARBETARE, 'stadsrevisionen')
  @ApiOperation({
    summary:
      'En nod i omgångens organisation med sina barn: budget, periodens utfall och budget, prognos, avvikelse, förändring sedan förra omgången och framsteg; var och en ser sin del av trädet',
  })
  @ApiOkResponse({ schema: openApiSchema(uppfoljningSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 404, ...PROBLEM_RESPONSE })
  hamta(@Param() params: unknown, @Anvandare() principal: Principal) {
    const { ar, tillfalle, kod } = parseRequest(paramsSchema, params, 'Ogiltig fråga');
    return this.uppfoljning.nod(ar, tillfalle, kod, principal);
  }

  @Get('saknas')
  @Atkomst(...MEDARBETARE, 'stadsrevisionen')
  @ApiOperation({
    summary: 'Ansvaren under noden vars prognos saknas i omgången (ej påbörjad, utkast, återsänd) med sin chef; CSV med Accept: text/csv',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ schema: openApiSchema(saknadeSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 404, ...PROBLEM_RESPONSE })
  async saknas(
    @Param() params: unknown,
    @Anvandare() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Saknade | string> {
    const { ar, tillfalle, kod } = parseRequest(paramsSchema, params, 'Ogiltig fråga');
    const saknade = await this.paminnelser.saknade(ar, tillfalle, kod, principal);
    if (!/\btext\/csv\b/i.test(request.headers.accept ?? '')) return saknade;
    return csvSvar(response, saknade);
  }

  @Get('saknas.csv')
  @Atkomst(...MEDARBETARE, 'stadsrevisionen')
  @ApiOperation({ summary: 'Samma lista som CSV (semikolon, UTF-8 med BOM) för Excel' })
  @ApiProduces('text/csv')
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 404, ...PROBLEM_RESPONSE })
  async saknasCsv(@Param() params: unknown, @Anvandare() principal: Principal, @Res({ passthrough: true }) response: Response) {
    const { ar, tillfalle, kod } = parseRequest(paramsSchema, params, 'Ogiltig fråga');
    return csvSvar(response, await this.paminnelser.saknade(ar, tillfalle, kod, principal));
  }

  @Post('paminnelser')
  @HttpCode(201)
  @Atkomst('forvaltningsekonom', 'ekonomidirektor')
  @ApiOperation({
    summary:
      'Påminn cheferna för ansvaren under noden vars prognos saknas i den öppna omgången (alla, eller de som anges i ansvar), med ett eget meddelande om man vill; chefen ser påminnelsen på sin prognossida',
  })
  @ApiBody({ schema: openApiSchema(paminnelseBegaranSchema, 'input') })
  @ApiResponse({ status: 201, schema: openApiSchema(paminnelseSvarSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 404, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 409, ...PROBLEM_RESPONSE })
  @ApiResponse({ status: 422, ...PROBLEM_RESPONSE })
  paminn(@Param() params: unknown, @Body() body: unknown, @Anvandare() principal: Principal) {
    const { ar, tillfalle, kod } = parseRequest(paramsSchema, params, 'Ogiltig fråga');
    const begaran = parseRequest(paminnelseBegaranSchema, body ?? {}, 'Ogiltig påminnelse');
    return this.paminnelser.skicka(ar, tillfalle, kod, begaran, principal);
  }
}

/** The reminders a chef has had: shown on their forecast page. */
@ApiTags('uppfoljning')
@Controller('paminnelser')
export class PaminnelserController {
  constructor(@Inject(PaminnelserService) private readonly paminnelser: PaminnelserService) {}

  @Get()
  @Atkomst(...MEDARBETARE)
  @ApiOperation({ summary: 'De påminnelser om saknade prognoser i omgången som den inloggade fått som chef, nyaste först' })
  @ApiQuery({ name: 'ar', type: Number, example: 2026 })
  @ApiQuery({ name: 'tillfalle', enum: [...PROGNOSTILLFALLEN] })
  @ApiOkResponse({ schema: openApiSchema(minaPaminnelserSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  mina(@Query() query: unknown, @Anvandare() principal: Principal) {
    const { ar, tillfalle } = parseRequest(omgangSchema, query, 'Ogiltig fråga');
    return this.paminnelser.mina(ar, tillfalle, principal);
  }
}

/** Proxies drop idle connections; a comment-like ping keeps the stream open. */
const KEEPALIVE_MS = 20_000;

/** Server-sent events when a round's figures may have changed: the reader fetches the nodes it shows again. */
@ApiTags('uppfoljning')
@Controller('uppfoljning/:ar/:tillfalle/stream')
export class UppfoljningStreamController {
  constructor(@Inject(UppfoljningService) private readonly uppfoljning: UppfoljningService) {}

  @Sse()
  @Atkomst(...MEDARBETARE, 'stadsrevisionen')
  @ApiOperation({
    summary:
      'Server-sent events: ett meddelande när en nyare sammanställning av omgången finns (högst tio gånger i sekunden), med ändringsnummer och de prognosändringar den tagit in för de ansvar man ser',
  })
  @ApiParam({ name: 'ar', type: Number, example: 2026 })
  @ApiParam({ name: 'tillfalle', enum: [...PROGNOSTILLFALLEN] })
  @ApiProduces('text/event-stream')
  stream(@Param() params: unknown, @Anvandare() principal: Principal): Observable<MessageEvent> {
    const { ar, tillfalle } = parseRequest(omgangSchema, params, 'Ogiltig fråga');
    // The message names no figures, and only ansvar in the person's part of the tree.
    return merge(
      this.uppfoljning.folj(ar, tillfalle, principal).pipe(map((andrad): MessageEvent => ({ data: andrad }))),
      // A ping at once, then every KEEPALIVE_MS: a client (or a proxy) knows the stream is open before anything changes.
      interval(KEEPALIVE_MS).pipe(
        startWith(0),
        map((): MessageEvent => ({ type: 'ping', data: '' })),
      ),
    ).pipe(takeUntil(timer(Math.max(0, principal.utgarMs - Date.now()))));
  }
}

function csvSvar(response: Response, saknade: Saknade): string {
  response.setHeader('content-type', 'text/csv; charset=utf-8');
  response.setHeader('content-disposition', `attachment; filename="saknade-${saknade.kod}-${saknade.ar}-${saknade.tillfalle}.csv"`);
  response.setHeader('vary', 'accept');
  return saknadeTillCsv(saknade.saknade);
}
