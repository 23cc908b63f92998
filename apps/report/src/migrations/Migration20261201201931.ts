import { DialectMigration } from '@tertial/service-kit';

/**
 * The roll-up of issue 9: every ansvar's forecast with its workflow status (`ansvar_helarsprognos`, replacing
 * `ansvar_prognos`; what was kept there had been submitted, so it comes across as klarmarkerad), each ansvar's
 * budget, its net utfall per month (replacing `ansvar_utfall`, which held only the year's and January–April's sums:
 * they come across as the months they end in, until the next import sends every month), and the forecast rounds;
 * the reports take every tillfälle.
 */
export class Migration20261201201931 extends DialectMigration {
  override name = 'Migration20261201201931';

  override up(): void {
    this.addSqlFor({
      postgresql: [
        `create table "ansvar_budget" ("ansvar" varchar(20) not null, "ar" int not null, "namnd" varchar(20) not null, "version_id" varchar(200) not null, "intakter_ore" bigint not null, "kostnader_ore" bigint not null, "nettokostnad_ore" bigint not null, "uppdaterad_at" timestamptz not null, primary key ("ansvar", "ar"));`,
        `create table "ansvar_helarsprognos" ("ansvar" varchar(20) not null, "ar" int not null, "tillfalle" text not null, "prognos_id" uuid not null, "version" int not null, "andring" int not null, "status" text not null, "intakter_ore" bigint not null, "kostnader_ore" bigint not null, "nettokostnad_ore" bigint not null, "andrad_at" timestamptz not null, "applied_at" timestamptz not null, primary key ("ansvar", "ar", "tillfalle"));`,
        `create table "ansvar_utfall_manad" ("ansvar" varchar(20) not null, "ar" int not null, "manad" int not null, "netto_ore" bigint not null, primary key ("ansvar", "ar", "manad"));`,
        `create table "prognosomgang" ("ar" int not null, "tillfalle" text not null, "typ" text not null, "status" text not null, "deadline" timestamptz not null, "utfall_tom_manad" int not null, "namnder" jsonb null, "andring" int not null, "andrad_at" timestamptz not null, primary key ("ar", "tillfalle"));`,
        `insert into "ansvar_helarsprognos" ("ansvar", "ar", "tillfalle", "prognos_id", "version", "andring", "status", "intakter_ore", "kostnader_ore", "nettokostnad_ore", "andrad_at", "applied_at") select "ansvar", "ar", "tillfalle", "prognos_id", "version", "version", 'klarmarkerad', "intakter_ore", "kostnader_ore", "nettokostnad_ore", "lamnad_at", "applied_at" from "ansvar_prognos";`,
        `drop table if exists "ansvar_prognos" cascade;`,
        `insert into "ansvar_utfall_manad" ("ansvar", "ar", "manad", "netto_ore") select "ansvar", "ar", case when "senaste_manad" < 4 then "senaste_manad" else 4 end, "netto_tom_april_ore" from "ansvar_utfall" where "senaste_manad" is not null and "netto_tom_april_ore" is not null;`,
        `insert into "ansvar_utfall_manad" ("ansvar", "ar", "manad", "netto_ore") select "ansvar", "ar", "senaste_manad", "netto_ore" - "netto_tom_april_ore" from "ansvar_utfall" where "senaste_manad" > 4 and "netto_tom_april_ore" is not null;`,
        `insert into "ansvar_utfall_manad" ("ansvar", "ar", "manad", "netto_ore") select "ansvar", "ar", "senaste_manad", "netto_ore" from "ansvar_utfall" where "senaste_manad" is not null and "netto_tom_april_ore" is null;`,
        `drop table if exists "ansvar_utfall" cascade;`,
        `alter table "rapport" drop constraint "rapport_tillfalle_check";`,
        `alter table "rapport" add constraint "rapport_tillfalle_check" check ("tillfalle" in ('februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november'));`,
        `alter table "ansvar_helarsprognos" add constraint "ansvar_helarsprognos_tillfalle_check" check ("tillfalle" in ('februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november'));`,
        `alter table "ansvar_helarsprognos" add constraint "ansvar_helarsprognos_status_check" check ("status" in ('utkast', 'klarmarkerad', 'godkand', 'aterskickad'));`,
        `alter table "prognosomgang" add constraint "prognosomgang_tillfalle_check" check ("tillfalle" in ('februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november'));`,
        `alter table "prognosomgang" add constraint "prognosomgang_typ_check" check ("typ" in ('ordinarie', 'manadsprognos'));`,
        `alter table "prognosomgang" add constraint "prognosomgang_status_check" check ("status" in ('oppen', 'stangd'));`,
      ],
      sqlite: [
        'create table `ansvar_budget` (`ansvar` text not null, `ar` integer not null, `namnd` text not null, `version_id` text not null, `intakter_ore` bigint not null, `kostnader_ore` bigint not null, `nettokostnad_ore` bigint not null, `uppdaterad_at` datetime not null, primary key (`ansvar`, `ar`));',
        "create table `ansvar_helarsprognos` (`ansvar` text not null, `ar` integer not null, `tillfalle` text check (`tillfalle` in ('februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november')) not null, `prognos_id` text not null, `version` integer not null, `andring` integer not null, `status` text check (`status` in ('utkast', 'klarmarkerad', 'godkand', 'aterskickad')) not null, `intakter_ore` bigint not null, `kostnader_ore` bigint not null, `nettokostnad_ore` bigint not null, `andrad_at` datetime not null, `applied_at` datetime not null, primary key (`ansvar`, `ar`, `tillfalle`));",
        'create table `ansvar_utfall_manad` (`ansvar` text not null, `ar` integer not null, `manad` integer not null, `netto_ore` bigint not null, primary key (`ansvar`, `ar`, `manad`));',
        "create table `prognosomgang` (`ar` integer not null, `tillfalle` text check (`tillfalle` in ('februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november')) not null, `typ` text check (`typ` in ('ordinarie', 'manadsprognos')) not null, `status` text check (`status` in ('oppen', 'stangd')) not null, `deadline` datetime not null, `utfall_tom_manad` integer not null, `namnder` json null, `andring` integer not null, `andrad_at` datetime not null, primary key (`ar`, `tillfalle`));",
        "insert into `ansvar_helarsprognos` (`ansvar`, `ar`, `tillfalle`, `prognos_id`, `version`, `andring`, `status`, `intakter_ore`, `kostnader_ore`, `nettokostnad_ore`, `andrad_at`, `applied_at`) select `ansvar`, `ar`, `tillfalle`, `prognos_id`, `version`, `version`, 'klarmarkerad', `intakter_ore`, `kostnader_ore`, `nettokostnad_ore`, `lamnad_at`, `applied_at` from `ansvar_prognos`;",
        'drop table if exists `ansvar_prognos`;',
        'insert into `ansvar_utfall_manad` (`ansvar`, `ar`, `manad`, `netto_ore`) select `ansvar`, `ar`, case when `senaste_manad` < 4 then `senaste_manad` else 4 end, `netto_tom_april_ore` from `ansvar_utfall` where `senaste_manad` is not null and `netto_tom_april_ore` is not null;',
        'insert into `ansvar_utfall_manad` (`ansvar`, `ar`, `manad`, `netto_ore`) select `ansvar`, `ar`, `senaste_manad`, `netto_ore` - `netto_tom_april_ore` from `ansvar_utfall` where `senaste_manad` > 4 and `netto_tom_april_ore` is not null;',
        'insert into `ansvar_utfall_manad` (`ansvar`, `ar`, `manad`, `netto_ore`) select `ansvar`, `ar`, `senaste_manad`, `netto_ore` from `ansvar_utfall` where `senaste_manad` is not null and `netto_tom_april_ore` is null;',
        'drop table if exists `ansvar_utfall`;',
        `pragma foreign_keys = off;`,
        "create table `rapport__temp_alter` (`id` text not null primary key, `ar` integer not null, `tillfalle` text check (`tillfalle` in ('februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november')) not null, `titel` text not null, `status` text check (`status` in ('utkast', 'faststalld')) not null, `innehall` json not null, `skapad_at` datetime not null, `skapad_av` text not null, `faststalld_at` datetime null, `faststalld_av` text null);",
        'insert into `rapport__temp_alter` select `id`, `ar`, `tillfalle`, `titel`, `status`, `innehall`, `skapad_at`, `skapad_av`, `faststalld_at`, `faststalld_av` from `rapport`;',
        'drop table `rapport`;',
        'alter table `rapport__temp_alter` rename to `rapport`;',
        `pragma foreign_keys = on;`,
      ],
    });
  }
}
