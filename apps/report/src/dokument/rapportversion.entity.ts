import { defineEntity, p } from '@mikro-orm/core';
import { RAPPORTTYPER, VERSIONSSTATUSAR, type Rapportinnehall, type Textblock } from '@tertial/contracts/dto';

/**
 * A version of a report to kommunfullmäktige. While a draft its figures are live and only its texts are kept;
 * fixing it freezes the whole content with its hash. A trigger refuses any change to, or removal of, a fixed
 * version (migration Migration20261202053000), so not even a mistake in the service can alter what KF fixed.
 */
export const RapportversionSchema = defineEntity({
  name: 'Rapportversion',
  tableName: 'rapportversion',
  // A fixed version always carries its frozen content and the hash that proves it.
  checks: [
    {
      name: 'rapportversion_faststalld_check',
      expression: `status <> 'faststalld' or (innehall is not null and hash is not null)`,
    },
  ],
  properties: {
    ar: p.integer().primary().autoincrement(false),
    rapport: p.enum(RAPPORTTYPER).primary(),
    version: p.integer().primary().autoincrement(false),
    status: p.enum(VERSIONSSTATUSAR),
    texter: p.json<Record<string, Textblock[]>>(),
    innehall: p.json<Rapportinnehall>().nullable(),
    hash: p.string().length(64).nullable(),
    ersatter: p.integer().nullable(),
    skapadAt: p.datetime(),
    skapadAv: p.string().length(200),
    faststalldAt: p.datetime().nullable(),
    faststalldAv: p.string().length(200).nullable(),
  },
});
export class Rapportversion extends RapportversionSchema.class {}
RapportversionSchema.setClass(Rapportversion);
