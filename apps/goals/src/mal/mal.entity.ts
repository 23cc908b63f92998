import { defineEntity, p } from '@mikro-orm/core';
import type { z } from 'zod';
import type { nyckeltalSchema } from '@tertial/contracts/dto';

/** A mål KF has set for a nämnd and year, with the nyckeltal it is followed up by where it is measurable. */
export const MalSchema = defineEntity({
  name: 'Mal',
  tableName: 'mal',
  properties: {
    id: p.uuid().primary(),
    namndKod: p.string().length(20),
    ar: p.integer(),
    text: p.text(),
    nyckeltal: p.json<z.infer<typeof nyckeltalSchema>>().nullable(),
    skapadAt: p.datetime(),
  },
  indexes: [{ properties: ['namndKod', 'ar'] }],
});
export class Mal extends MalSchema.class {}
MalSchema.setClass(Mal);
