import { defineEntity, p } from '@mikro-orm/core';

import type { Investeringsprojekt } from './investeringsplan.js';

/** A project of the rolling seven-year investment plan, with its budget, utfall and prognos per year. */
export const InvesteringsprojektSchema = defineEntity({
  name: 'InvesteringsprojektRad',
  tableName: 'investeringsprojekt',
  properties: {
    id: p.string().length(100).primary(),
    namnd: p.string().length(20),
    projekt: p.json<Investeringsprojekt>(),
  },
  indexes: [{ properties: ['namnd'] }],
});
export class InvesteringsprojektRad extends InvesteringsprojektSchema.class {}
InvesteringsprojektSchema.setClass(InvesteringsprojektRad);
