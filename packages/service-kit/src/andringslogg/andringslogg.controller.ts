import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { MikroORM } from '@mikro-orm/core';
import { z } from 'zod';

import { Atkomst } from '../auth/atkomst.js';
import { parseRequest } from '../http/problem.js';
import { AndringsloggPost } from './andringslogg-post.entity.js';

const querySchema = z.object({
  objektTyp: z.string().min(1).max(30),
  objektId: z.string().min(1).max(100),
});

@ApiTags('andringslogg')
@Controller('andringslogg')
export class AndringsloggController {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  @Get()
  @Atkomst('ekonomidirektor', 'stadsrevisionen')
  @ApiOperation({
    summary: 'Ändringsloggen för ett objekt (t.ex. objektTyp=ansvar&objektId=41210): vem ändrade vad och när, före och efter',
  })
  @ApiQuery({ name: 'objektTyp', example: 'ansvar' })
  @ApiQuery({ name: 'objektId', example: '41210' })
  async lista(@Query() query: unknown) {
    const { objektTyp, objektId } = parseRequest(querySchema, query, 'Ogiltig fråga');
    const poster = await this.orm.em
      .fork()
      .find(AndringsloggPost, { objektTyp, objektId }, { orderBy: { tidpunkt: 'asc', id: 'asc' }, limit: 1000 });
    return poster.map((post) => ({
      id: post.id,
      tidpunkt: post.tidpunkt.toISOString(),
      tjanst: post.tjanst,
      anvandare: post.anvandare,
      anvandarNamn: post.anvandarNamn,
      roller: post.roller ? post.roller.split(',') : [],
      handling: post.handling,
      objektTyp: post.objektTyp,
      objektId: post.objektId,
      fore: post.fore,
      efter: post.efter,
      correlationId: post.correlationId,
    }));
  }
}
