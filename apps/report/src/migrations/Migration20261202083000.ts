import { DialectMigration } from '@tertial/service-kit';

/** KF's decided resultatöverföring per closed year, and the investment plan's projects, for the reports. */
export class Migration20261202083000 extends DialectMigration {
  override name = 'Migration20261202083000';

  override up(): void {
    this.addSqlFor({
      postgresql: [
        `create table "resultatoverforing" ("ar" int not null, "beslutad" varchar(10) not null, "beslutad_av" varchar(200) not null, "budgetversion" varchar(100) not null, "namnder" jsonb not null, "mottagen_at" timestamptz not null, primary key ("ar"));`,
        `create table "investeringsprojekt" ("id" varchar(100) not null, "namnd" varchar(20) not null, "namn" varchar(300) not null, "ar" jsonb not null, "uppdaterad_at" timestamptz not null, primary key ("id"));`,
      ],
      sqlite: [
        'create table `resultatoverforing` (`ar` integer not null primary key, `beslutad` text not null, `beslutad_av` text not null, `budgetversion` text not null, `namnder` json not null, `mottagen_at` datetime not null);',
        'create table `investeringsprojekt` (`id` text not null primary key, `namnd` text not null, `namn` text not null, `ar` json not null, `uppdaterad_at` datetime not null);',
      ],
    });
  }
}
