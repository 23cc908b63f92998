import { Migration } from '@mikro-orm/migrations';

export class Migration20261126171553 extends Migration {
  override name = 'Migration20261126171553';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "granskningspost" ("id" uuid not null, "tidpunkt" timestamptz not null, "tjanst" varchar(20) not null, "anvandare" varchar(200) not null, "anvandar_namn" varchar(200) not null, "roller" varchar(200) not null, "handling" varchar(60) not null, "objekt_typ" varchar(30) not null, "objekt_id" varchar(100) not null, "fore" jsonb null, "efter" jsonb null, "correlation_id" varchar(100) not null, primary key ("id"));`,
    );
    this.addSql(`create index "granskningspost_objekt_typ_objekt_id_index" on "granskningspost" ("objekt_typ", "objekt_id");`);
    this.addSql(`create index "granskningspost_tidpunkt_index" on "granskningspost" ("tidpunkt");`);

    this.addSql(
      `create table "prognosomgang" ("ar" int not null, "tillfalle" text not null, "status" text not null, "oppnad_at" timestamptz not null, "stangd_at" timestamptz null, primary key ("ar", "tillfalle"));`,
    );

    this.addSql(
      `alter table "helarsprognos" add "lamnad_av_id" varchar(200) null, add "lamnad_av_namn" varchar(200) null, add "status" text not null default 'inlamnad', add "granskad_av_id" varchar(200) null, add "granskad_av_namn" varchar(200) null, add "granskad_at" timestamptz null, add "granskningskommentar" text null;`,
    );
    this.addSql(
      `alter table "helarsprognos" add constraint "helarsprognos_status_check" check ("status" in ('inlamnad', 'godkand', 'aterskickad'));`,
    );

    this.addSql(`alter table "prognosomgang" add constraint "prognosomgang_tillfalle_check" check ("tillfalle" in ('april', 'augusti'));`);
    this.addSql(`alter table "prognosomgang" add constraint "prognosomgang_status_check" check ("status" in ('oppen', 'stangd'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "granskningspost" cascade;`);
    this.addSql(`drop table if exists "prognosomgang" cascade;`);

    this.addSql(`alter table "helarsprognos" drop constraint "helarsprognos_status_check";`);
    this.addSql(
      `alter table "helarsprognos" drop column "lamnad_av_id", drop column "lamnad_av_namn", drop column "status", drop column "granskad_av_id", drop column "granskad_av_namn", drop column "granskad_at", drop column "granskningskommentar";`,
    );
  }
}
