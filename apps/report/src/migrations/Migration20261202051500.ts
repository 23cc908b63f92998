import { DialectMigration } from '@tertial/service-kit';

/** The city's result of issue 11: the finance function's lines, the account-to-row table, the balanskrav history and adjustments, the RUR rules, the closed years per nämnd. */
export class Migration20261202051500 extends DialectMigration {
  override name = 'Migration20261202051500';

  override up(): void {
    this.addSqlFor({
      postgresql: [
        'create table "balanskrav_historik" ("ar" int not null, "arets_resultat_ore" bigint not null, "samtliga_realisationsvinster_ore" bigint not null, "realisationsvinster_undantag_ore" bigint not null, "realisationsforluster_undantag_ore" bigint not null, "orealiserade_forluster_ore" bigint not null, "aterforing_orealiserade_forluster_ore" bigint not null, "till_rur_ore" bigint not null, "fran_rur_ore" bigint not null, "filnamn" varchar(300) not null, "importerad_av" varchar(200) not null, "importerad_at" timestamptz not null, primary key ("ar"));',
        'create table "balanskrav_justering" ("ar" int not null, "tillfalle" text not null, "samtliga_realisationsvinster_ore" bigint not null, "realisationsvinster_undantag_ore" bigint not null, "realisationsforluster_undantag_ore" bigint not null, "orealiserade_forluster_ore" bigint not null, "aterforing_orealiserade_forluster_ore" bigint not null, "till_rur_ore" bigint not null, "fran_rur_ore" bigint not null, "andrad_av" varchar(200) not null, "andrad_at" timestamptz not null, primary key ("ar", "tillfalle"));',
        'create table "bokslut_namnd" ("ar" int not null, "namnd" varchar(20) not null, "antal_namnder" int not null, "konton" jsonb not null, "nettokostnad_ore" bigint not null, "faststallt_at" timestamptz not null, primary key ("ar", "namnd"));',
        'create table "finansrad" ("ar" int not null, "tillfalle" text not null, "rad" text not null, "belopp_ore" bigint not null, "kalla" varchar(300) not null, "andrad_av" varchar(200) not null, "andrad_at" timestamptz not null, primary key ("ar", "tillfalle", "rad"));',
        'create table "resultatrad_intervall" ("fran" int not null, "till" int not null, "rad" text not null, "intern" boolean not null, primary key ("fran"));',
        'create table "rur_regler" ("id" int not null, "regler" jsonb not null, "andrad_av" varchar(200) not null, "andrad_at" timestamptz not null, primary key ("id"));',
        'alter table "balanskrav_justering" add constraint "balanskrav_justering_tillfalle_check" check ("tillfalle" in (\'april\', \'augusti\', \'bokslut\'));',
        "alter table \"finansrad\" add constraint \"finansrad_tillfalle_check\" check (\"tillfalle\" in ('budget', 'april', 'augusti', 'bokslut'));",
        "alter table \"finansrad\" add constraint \"finansrad_rad_check\" check (\"rad\" in ('skatteintakter', 'generella-statsbidrag', 'pensioner', 'finansiella-intakter', 'finansiella-kostnader', 'avskrivningar'));",
        "alter table \"resultatrad_intervall\" add constraint \"resultatrad_intervall_rad_check\" check (\"rad\" in ('verksamhetens-intakter', 'verksamhetens-kostnader', 'avskrivningar', 'skatteintakter', 'generella-statsbidrag', 'finansiella-intakter', 'finansiella-kostnader'));",
      ],
      sqlite: [
        'create table `balanskrav_historik` (`ar` integer not null primary key, `arets_resultat_ore` bigint not null, `samtliga_realisationsvinster_ore` bigint not null, `realisationsvinster_undantag_ore` bigint not null, `realisationsforluster_undantag_ore` bigint not null, `orealiserade_forluster_ore` bigint not null, `aterforing_orealiserade_forluster_ore` bigint not null, `till_rur_ore` bigint not null, `fran_rur_ore` bigint not null, `filnamn` text not null, `importerad_av` text not null, `importerad_at` datetime not null);',
        "create table `balanskrav_justering` (`ar` integer not null, `tillfalle` text check (`tillfalle` in ('april', 'augusti', 'bokslut')) not null, `samtliga_realisationsvinster_ore` bigint not null, `realisationsvinster_undantag_ore` bigint not null, `realisationsforluster_undantag_ore` bigint not null, `orealiserade_forluster_ore` bigint not null, `aterforing_orealiserade_forluster_ore` bigint not null, `till_rur_ore` bigint not null, `fran_rur_ore` bigint not null, `andrad_av` text not null, `andrad_at` datetime not null, primary key (`ar`, `tillfalle`));",
        'create table `bokslut_namnd` (`ar` integer not null, `namnd` text not null, `antal_namnder` integer not null, `konton` json not null, `nettokostnad_ore` bigint not null, `faststallt_at` datetime not null, primary key (`ar`, `namnd`));',
        "create table `finansrad` (`ar` integer not null, `tillfalle` text check (`tillfalle` in ('budget', 'april', 'augusti', 'bokslut')) not null, `rad` text check (`rad` in ('skatteintakter', 'generella-statsbidrag', 'pensioner', 'finansiella-intakter', 'finansiella-kostnader', 'avskrivningar')) not null, `belopp_ore` bigint not null, `kalla` text not null, `andrad_av` text not null, `andrad_at` datetime not null, primary key (`ar`, `tillfalle`, `rad`));",
        "create table `resultatrad_intervall` (`fran` integer not null primary key, `till` integer not null, `rad` text check (`rad` in ('verksamhetens-intakter', 'verksamhetens-kostnader', 'avskrivningar', 'skatteintakter', 'generella-statsbidrag', 'finansiella-intakter', 'finansiella-kostnader')) not null, `intern` integer not null);",
        'create table `rur_regler` (`id` integer not null primary key, `regler` json not null, `andrad_av` text not null, `andrad_at` datetime not null);',
      ],
    });
  }
}
