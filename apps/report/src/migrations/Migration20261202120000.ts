import { DialectMigration } from '@tertial/service-kit';

/**
 * Which accounts are internal comes from the budget service's kontoplan (`budget.kontoplan-uppdaterad`), no longer
 * from a flag in the table from accounts to resultaträkning rows.
 */
export class Migration20261202120000 extends DialectMigration {
  override name = 'Migration20261202120000';

  override up(): void {
    this.addSqlFor({
      postgresql: [
        `create table "kontoplan_interna" ("id" int not null, "interna" jsonb not null, "andrad_at" timestamptz not null, "andrad_av" varchar(200) not null, primary key ("id"));`,
        'alter table "resultatrad_intervall" drop column "intern";',
      ],
      sqlite: [
        'create table `kontoplan_interna` (`id` integer not null primary key, `interna` json not null, `andrad_at` datetime not null, `andrad_av` text not null);',
        'alter table `resultatrad_intervall` drop column `intern`;',
      ],
    });
  }
}
