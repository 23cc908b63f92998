import { DialectMigration } from '@tertial/service-kit';

export class Migration20261201173724 extends DialectMigration {
  override name = 'Migration20261201173724';

  override up(): void {
    this.addSqlFor({
      postgresql: [
        `create table "helarsprognos" ("id" uuid not null, "ansvar" varchar(20) not null, "ar" int not null, "tillfalle" text not null, "version" int not null, "rader" jsonb not null, "intakter_ore" bigint not null, "kostnader_ore" bigint not null, "nettokostnad_ore" bigint not null, "kommentar" text null, "lamnad_at" timestamptz not null, "lamnad_av_id" varchar(200) null, "lamnad_av_namn" varchar(200) null, "status" text not null default 'inlamnad', "granskad_av_id" varchar(200) null, "granskad_av_namn" varchar(200) null, "granskad_at" timestamptz null, "granskningskommentar" text null, "correlation_id" varchar(100) not null, primary key ("id"));`,
        `alter table "helarsprognos" add constraint "helarsprognos_ansvar_ar_tillfalle_version_unique" unique ("ansvar", "ar", "tillfalle", "version");`,
        `create table "prognosomgang" ("ar" int not null, "tillfalle" text not null, "status" text not null, "oppnad_at" timestamptz not null, "stangd_at" timestamptz null, primary key ("ar", "tillfalle"));`,
        `alter table "helarsprognos" add constraint "helarsprognos_tillfalle_check" check ("tillfalle" in ('april', 'augusti'));`,
        `alter table "helarsprognos" add constraint "helarsprognos_status_check" check ("status" in ('inlamnad', 'godkand', 'aterskickad'));`,
        `alter table "prognosomgang" add constraint "prognosomgang_tillfalle_check" check ("tillfalle" in ('april', 'augusti'));`,
        `alter table "prognosomgang" add constraint "prognosomgang_status_check" check ("status" in ('oppen', 'stangd'));`,
      ],
      sqlite: [
        "create table `helarsprognos` (`id` text not null primary key, `ansvar` text not null, `ar` integer not null, `tillfalle` text check (`tillfalle` in ('april', 'augusti')) not null, `version` integer not null, `rader` json not null, `intakter_ore` bigint not null, `kostnader_ore` bigint not null, `nettokostnad_ore` bigint not null, `kommentar` text null, `lamnad_at` datetime not null, `lamnad_av_id` text null, `lamnad_av_namn` text null, `status` text check (`status` in ('inlamnad', 'godkand', 'aterskickad')) not null default 'inlamnad', `granskad_av_id` text null, `granskad_av_namn` text null, `granskad_at` datetime null, `granskningskommentar` text null, `correlation_id` text not null);",
        'create unique index `helarsprognos_ansvar_ar_tillfalle_version_unique` on `helarsprognos` (`ansvar`, `ar`, `tillfalle`, `version`);',
        "create table `prognosomgang` (`ar` integer not null, `tillfalle` text check (`tillfalle` in ('april', 'augusti')) not null, `status` text check (`status` in ('oppen', 'stangd')) not null, `oppnad_at` datetime not null, `stangd_at` datetime null, primary key (`ar`, `tillfalle`));",
      ],
    });
  }
}
