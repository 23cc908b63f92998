import { Migration } from '@mikro-orm/migrations';

export class Migration20261126171551 extends Migration {
  override name = 'Migration20261126171551';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "granskningspost" ("id" uuid not null, "tidpunkt" timestamptz not null, "tjanst" varchar(20) not null, "anvandare" varchar(200) not null, "anvandar_namn" varchar(200) not null, "roller" varchar(200) not null, "handling" varchar(60) not null, "objekt_typ" varchar(30) not null, "objekt_id" varchar(100) not null, "fore" jsonb null, "efter" jsonb null, "correlation_id" varchar(100) not null, primary key ("id"));`,
    );
    this.addSql(`create index "granskningspost_objekt_typ_objekt_id_index" on "granskningspost" ("objekt_typ", "objekt_id");`);
    this.addSql(`create index "granskningspost_tidpunkt_index" on "granskningspost" ("tidpunkt");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "granskningspost" cascade;`);
  }
}
