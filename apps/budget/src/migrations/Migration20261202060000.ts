import { DialectMigration } from '@tertial/service-kit';

/** Year-end: the closed years (bokslut), the city's rules for resultatöverföring and KF's decisions on it. */
export class Migration20261202060000 extends DialectMigration {
  override name = 'Migration20261202060000';

  override up(): void {
    this.addSqlFor({
      postgresql: [
        `create table "bokslut" ("ar" int not null, "faststallt_at" timestamptz not null, "faststallt_av" varchar(200) not null, "namnder" jsonb not null, primary key ("ar"));`,
        `create table "overforingsregler" ("id" varchar(20) not null, "regler" jsonb not null, "andrad_at" timestamptz not null, "andrad_av" varchar(200) not null, primary key ("id"));`,
        `create table "resultatoverforing_beslut" ("ar" int not null, "beslutad" varchar(10) not null, "beslutad_av" varchar(200) not null, "budgetversion" varchar(100) not null, "namnder" jsonb not null, primary key ("ar"));`,
      ],
      sqlite: [
        'create table `bokslut` (`ar` integer not null, `faststallt_at` datetime not null, `faststallt_av` text not null, `namnder` json not null, primary key (`ar`));',
        'create table `overforingsregler` (`id` text not null, `regler` json not null, `andrad_at` datetime not null, `andrad_av` text not null, primary key (`id`));',
        'create table `resultatoverforing_beslut` (`ar` integer not null, `beslutad` text not null, `beslutad_av` text not null, `budgetversion` text not null, `namnder` json not null, primary key (`ar`));',
      ],
    });
  }
}
