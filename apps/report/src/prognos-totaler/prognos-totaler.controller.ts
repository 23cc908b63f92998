import { Controller, Get, Inject, Query, Sse, type MessageEvent } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { prognosTotalerSchema } from '@tertial/contracts/dto';
import { arSchema, prognostillfalleSchema } from '@tertial/contracts/prognos';
import { Anvandare, Atkomst, openApiSchema, parseRequest, PROBLEM_RESPONSE, type Principal } from '@tertial/service-kit';
import { interval, map, merge, takeUntil, timer, type Observable } from 'rxjs';
import { z } from 'zod';

import { PrognosTotalerService } from './prognos-totaler.service.js';

const querySchema = z.object({ ar: z.coerce.number().pipe(arSchema), tillfalle: prognostillfalleSchema });

/** Proxies drop idle connections; a comment-like ping keeps the stream open. */
const KEEPALIVE_MS = 20_000;

@ApiTags('rapporter')
@Controller('prognos-totaler')
export class PrognosTotalerController {
  constructor(@Inject(PrognosTotalerService) private readonly totaler: PrognosTotalerService) {}

  @Get()
  @Atkomst('ekonomidirektor')
  @ApiOperation({ summary: 'Helårsprognosen summerad per nämnd och för staden, för ett år och prognostillfälle' })
  @ApiQuery({ name: 'ar', type: Number, example: 2026 })
  @ApiQuery({ name: 'tillfalle', enum: ['april', 'augusti'] })
  @ApiOkResponse({ schema: openApiSchema(prognosTotalerSchema) })
  @ApiResponse({ status: 400, ...PROBLEM_RESPONSE })
  hamta(@Query() query: unknown) {
    const { ar, tillfalle } = parseRequest(querySchema, query, 'Ogiltig fråga');
    return this.totaler.totaler(ar, tillfalle);
  }

  @Sse('stream')
  @Atkomst('ekonomidirektor')
  @ApiOperation({ summary: 'Server-sent events: ett meddelande varje gång totalerna för året och tillfället ändras' })
  @ApiProduces('text/event-stream')
  stream(@Query() query: unknown, @Anvandare() principal: Principal): Observable<MessageEvent> {
    const { ar, tillfalle } = parseRequest(querySchema, query, 'Ogiltig fråga');
    // The stream lives no longer than the token that opened it; the client reconnects with a fresh one.
    return merge(
      this.totaler.andringar(ar, tillfalle).pipe(map((change): MessageEvent => ({ data: change }))),
      interval(KEEPALIVE_MS).pipe(map((): MessageEvent => ({ type: 'ping', data: '' }))),
    ).pipe(takeUntil(timer(Math.max(0, principal.utgarMs - Date.now()))));
  }
}
