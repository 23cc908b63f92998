import { DialectMigration } from '@tertial/service-kit';

export class Migration20261201201813 extends DialectMigration {
  override name = 'Migration20261201201813';

  override up(): void {
    this.addSqlFor({
      postgresql: [
        `create table "ansvarsbudget" ("ansvar" varchar(20) not null, "ar" int not null, "namnd" varchar(20) not null, "version_id" varchar(200) not null, "rader" jsonb not null, "uppdaterad_at" timestamptz not null, primary key ("ansvar", "ar"));`,
        `create table "ansvarsutfall" ("ansvar" varchar(20) not null, "ar" int not null, "manader" jsonb not null, "import_id" uuid not null, "uppdaterad_at" timestamptz not null, primary key ("ansvar", "ar"));`,
        `create table "ateroppnat_ansvar" ("ansvar" varchar(20) not null, "ar" int not null, "tillfalle" text not null, "skal" text not null, "ateroppnad_at" timestamptz not null, "ateroppnad_av_id" varchar(200) not null, primary key ("ansvar", "ar", "tillfalle"));`,
        `create table "kommentarstroskel" ("id" varchar(20) not null, "belopp_ore" bigint not null, "hundradelsprocent" int not null, "andrad_at" timestamptz not null, "andrad_av_id" varchar(200) not null, "andrad_av_namn" varchar(200) not null, primary key ("id"));`,
        `alter table "helarsprognos" drop constraint "helarsprognos_status_check";`,
        `alter table "helarsprognos" drop constraint "helarsprognos_tillfalle_check";`,
        `alter table "helarsprognos" alter column "status" drop default;`,
        `alter table "helarsprognos" rename column "lamnad_at" to "sparad_at";`,
        `alter table "helarsprognos" rename column "lamnad_av_id" to "sparad_av_id";`,
        `alter table "helarsprognos" rename column "lamnad_av_namn" to "sparad_av_namn";`,
        `alter table "helarsprognos" rename column "granskningskommentar" to "beslutskommentar";`,
        `alter table "helarsprognos" add "andring" int null, add "andrad_at" timestamptz null, add "andrad_av_id" varchar(200) null, add "andrad_av_namn" varchar(200) null;`,
        // A submitted forecast was what is now klarmarkerad; a decision on it was its second change.
        `update "helarsprognos" set "andring" = "version" + case when "status" in ('godkand', 'aterskickad') then 1 else 0 end, "andrad_at" = coalesce("granskad_at", "sparad_at"), "andrad_av_id" = case when "granskad_at" is null then "sparad_av_id" else "granskad_av_id" end, "andrad_av_namn" = case when "granskad_at" is null then "sparad_av_namn" else "granskad_av_namn" end, "status" = case when "status" = 'inlamnad' then 'klarmarkerad' else "status" end;`,
        `alter table "helarsprognos" alter column "andring" set not null, alter column "andrad_at" set not null;`,
        `alter table "helarsprognos" drop column "granskad_av_id", drop column "granskad_av_namn", drop column "granskad_at";`,
        `alter table "helarsprognos" add constraint "helarsprognos_status_check" check ("status" in ('utkast', 'klarmarkerad', 'godkand', 'aterskickad'));`,
        `alter table "helarsprognos" add constraint "helarsprognos_tillfalle_check" check ("tillfalle" in ('februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november'));`,
        `alter table "prognosomgang" drop constraint "prognosomgang_tillfalle_check";`,
        `alter table "prognosomgang" add "typ" text null, add "deadline" timestamptz null, add "namnder" jsonb null, add "andring" int null;`,
        // Rounds opened before deadlines existed get thirty days from their opening.
        `update "prognosomgang" set "typ" = 'ordinarie', "deadline" = "oppnad_at" + interval '30 days', "andring" = 1;`,
        `alter table "prognosomgang" alter column "typ" set not null, alter column "deadline" set not null, alter column "andring" set not null;`,
        `alter table "prognosomgang" add constraint "prognosomgang_typ_check" check ("typ" in ('ordinarie', 'manadsprognos'));`,
        `alter table "prognosomgang" add constraint "prognosomgang_tillfalle_check" check ("tillfalle" in ('februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november'));`,
        `alter table "ateroppnat_ansvar" add constraint "ateroppnat_ansvar_tillfalle_check" check ("tillfalle" in ('februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november'));`,
      ],
      sqlite: [
        'create table `ansvarsbudget` (`ansvar` text not null, `ar` integer not null, `namnd` text not null, `version_id` text not null, `rader` json not null, `uppdaterad_at` datetime not null, primary key (`ansvar`, `ar`));',
        'create table `ansvarsutfall` (`ansvar` text not null, `ar` integer not null, `manader` json not null, `import_id` text not null, `uppdaterad_at` datetime not null, primary key (`ansvar`, `ar`));',
        "create table `ateroppnat_ansvar` (`ansvar` text not null, `ar` integer not null, `tillfalle` text check (`tillfalle` in ('februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november')) not null, `skal` text not null, `ateroppnad_at` datetime not null, `ateroppnad_av_id` text not null, primary key (`ansvar`, `ar`, `tillfalle`));",
        'create table `kommentarstroskel` (`id` text not null primary key, `belopp_ore` bigint not null, `hundradelsprocent` integer not null, `andrad_at` datetime not null, `andrad_av_id` text not null, `andrad_av_namn` text not null);',
        `pragma foreign_keys = off;`,
        "create table `helarsprognos__temp_alter` (`id` text not null primary key, `ansvar` text not null, `ar` integer not null, `tillfalle` text check (`tillfalle` in ('februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november')) not null, `version` integer not null, `andring` integer not null, `status` text check (`status` in ('utkast', 'klarmarkerad', 'godkand', 'aterskickad')) not null, `rader` json not null, `intakter_ore` bigint not null, `kostnader_ore` bigint not null, `nettokostnad_ore` bigint not null, `kommentar` text null, `sparad_at` datetime not null, `sparad_av_id` text null, `sparad_av_namn` text null, `andrad_at` datetime not null, `andrad_av_id` text null, `andrad_av_namn` text null, `beslutskommentar` text null, `correlation_id` text not null);",
        "insert into `helarsprognos__temp_alter` select `id`, `ansvar`, `ar`, `tillfalle`, `version`, `version` + case when `status` in ('godkand', 'aterskickad') then 1 else 0 end, case when `status` = 'inlamnad' then 'klarmarkerad' else `status` end, `rader`, `intakter_ore`, `kostnader_ore`, `nettokostnad_ore`, `kommentar`, `lamnad_at`, `lamnad_av_id`, `lamnad_av_namn`, coalesce(`granskad_at`, `lamnad_at`), case when `granskad_at` is null then `lamnad_av_id` else `granskad_av_id` end, case when `granskad_at` is null then `lamnad_av_namn` else `granskad_av_namn` end, `granskningskommentar`, `correlation_id` from `helarsprognos`;",
        'drop table `helarsprognos`;',
        'alter table `helarsprognos__temp_alter` rename to `helarsprognos`;',
        'create unique index `helarsprognos_ansvar_ar_tillfalle_version_unique` on `helarsprognos` (`ansvar`, `ar`, `tillfalle`, `version`);',
        `pragma foreign_keys = on;`,
        `pragma foreign_keys = off;`,
        "create table `prognosomgang__temp_alter` (`ar` integer not null, `tillfalle` text check (`tillfalle` in ('februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november')) not null, `typ` text check (`typ` in ('ordinarie', 'manadsprognos')) not null, `status` text check (`status` in ('oppen', 'stangd')) not null, `deadline` datetime not null, `namnder` json null, `andring` integer not null, `oppnad_at` datetime not null, `stangd_at` datetime null, primary key (`ar`, `tillfalle`));",
        "insert into `prognosomgang__temp_alter` select `ar`, `tillfalle`, 'ordinarie', `status`, `oppnad_at` + 30 * 86400000, null, 1, `oppnad_at`, `stangd_at` from `prognosomgang`;",
        'drop table `prognosomgang`;',
        'alter table `prognosomgang__temp_alter` rename to `prognosomgang`;',
        `pragma foreign_keys = on;`,
      ],
    });
  }
}
