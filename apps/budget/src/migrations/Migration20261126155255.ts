import { Migration } from '@mikro-orm/migrations';

export class Migration20261126155255 extends Migration {
  override name = 'Migration20261126155255';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "budgetversion" ("id" varchar(100) not null, "ar" int not null, "typ" varchar(20) not null, "beslutad" varchar(10) not null, "version" jsonb not null, primary key ("id"));`,
    );
    this.addSql(`create index "budgetversion_ar_index" on "budgetversion" ("ar");`);

    this.addSql(
      `create table "investeringsprojekt" ("id" varchar(100) not null, "namnd" varchar(20) not null, "projekt" jsonb not null, primary key ("id"));`,
    );
    this.addSql(`create index "investeringsprojekt_namnd_index" on "investeringsprojekt" ("namnd");`);

    this.addSql(
      `create table "resursfordelningsunderlag" ("namnd" varchar(20) not null, "ar" int not null, "underlag" jsonb not null, primary key ("namnd", "ar"));`,
    );

    this.addSql(
      `create table "utfall" ("ar" int not null, "manad" int not null, "ansvar" varchar(20) not null, "konto" int not null, "belopp_ore" bigint not null, primary key ("ar", "manad", "ansvar", "konto"));`,
    );
    this.addSql(`create index "utfall_ar_ansvar_index" on "utfall" ("ar", "ansvar");`);

    this.addSql(
      `create table "utfall_import" ("id" uuid not null, "filnamn" varchar(300) not null, "format" varchar(10) not null, "kodning" varchar(20) not null, "perioder" jsonb not null, "antal_rader" int not null, "importerad_at" timestamptz not null, primary key ("id"));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "budgetversion" cascade;`);
    this.addSql(`drop table if exists "investeringsprojekt" cascade;`);
    this.addSql(`drop table if exists "resursfordelningsunderlag" cascade;`);
    this.addSql(`drop table if exists "utfall" cascade;`);
    this.addSql(`drop table if exists "utfall_import" cascade;`);
  }
}
