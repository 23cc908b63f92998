import { DialectMigration } from '@tertial/service-kit';

/** Personnel and investment projects in the chef's forecast: the forecast's columns, the budget's årsarbetare, budget's projects. */
export class Migration20261202000000 extends DialectMigration {
  override name = 'Migration20261202000000';

  override up(): void {
    this.addSqlFor({
      postgresql: [
        `alter table "helarsprognos" add column "personal" jsonb null, add column "investeringar" jsonb null;`,
        `alter table "ansvarsbudget" add column "arsarbetare_tiondelar" int null;`,
        `create table "investeringsprojekt_replika" ("id" varchar(100) not null, "namnd" varchar(20) not null, "ansvar" varchar(20) null, "namn" varchar(500) not null, "ar" jsonb not null, "uppdaterad_at" timestamptz not null, primary key ("id"));`,
        `create index "investeringsprojekt_replika_ansvar_index" on "investeringsprojekt_replika" ("ansvar");`,
      ],
      sqlite: [
        'alter table `helarsprognos` add column `personal` json null;',
        'alter table `helarsprognos` add column `investeringar` json null;',
        'alter table `ansvarsbudget` add column `arsarbetare_tiondelar` integer null;',
        'create table `investeringsprojekt_replika` (`id` text not null, `namnd` text not null, `ansvar` text null, `namn` text not null, `ar` json not null, `uppdaterad_at` datetime not null, primary key (`id`));',
        'create index `investeringsprojekt_replika_ansvar_index` on `investeringsprojekt_replika` (`ansvar`);',
      ],
    });
  }
}
