import { Migration } from '@mikro-orm/migrations';

export class Migration20261126173241 extends Migration {
  override name = 'Migration20261126173241';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "ansvar_utfall" ("ansvar" varchar(20) not null, "ar" int not null, "netto_ore" bigint not null, "senaste_manad" int null, "import_id" uuid not null, "uppdaterad_at" timestamptz not null, primary key ("ansvar", "ar"));`,
    );

    this.addSql(
      `create table "namnd_ram" ("namnd" varchar(20) not null, "ar" int not null, "ram_ore" bigint not null, "version_id" varchar(200) not null, "uppdaterad_at" timestamptz not null, primary key ("namnd", "ar"));`,
    );

    this.addSql(`drop trigger if exists "granskningspost_ingen_andring" on "granskningspost";`);
    this.addSql(`drop function if exists "granskningspost_granskningspost_ingen_andring_fn"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "ansvar_utfall" cascade;`);
    this.addSql(`drop table if exists "namnd_ram" cascade;`);

    this.addSql(
      `create or replace function "granskningspost_granskningspost_ingen_andring_fn"() returns trigger as \$\$ begin ; end; \$\$ language plpgsql;`,
    );
    this.addSql(
      `create trigger "granskningspost_ingen_andring" BEFORE DELETE OR UPDATE on "granskningspost" for each STATEMENT execute function "granskningspost_granskningspost_ingen_andring_fn"();`,
    );
  }
}
