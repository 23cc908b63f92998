import { DialectMigration } from '@tertial/service-kit';

export class Migration20261202021949 extends DialectMigration {
  override name = 'Migration20261202021949';

  override up(): void {
    this.addSqlFor({
      postgresql: [
        `create table "inriktning" ("id" uuid not null, "niva" text not null, "namnd_kod" varchar(20) null, "rubrik" varchar(200) not null, "text" text not null, "fran_ar" int not null, "till_ar" int not null, "nyckeltal" jsonb not null, "beslut" jsonb not null, "version" int not null, "andrad_av_id" varchar(200) not null, "andrad_av_namn" varchar(200) not null, "andrad_at" timestamptz not null, primary key ("id"));`,
        `create index "inriktning_namnd_kod_index" on "inriktning" ("namnd_kod");`,
        `create table "installning" ("nyckel" varchar(60) not null, "varde" jsonb not null, "andrad_av_id" varchar(200) not null, "andrad_av_namn" varchar(200) not null, "andrad_at" timestamptz not null, primary key ("nyckel"));`,
        `create table "kolada_varde" ("kpi" varchar(10) not null, "kommun" varchar(4) not null, "ar" int not null, "kon" text not null, "varde" double precision null, "status" varchar(100) null, "import_id" uuid not null, "importerad_at" timestamptz not null, primary key ("kpi", "kommun", "ar", "kon"));`,
        `create table "mal" ("id" uuid not null, "namnd_kod" varchar(20) not null, "agartyp" text not null, "ar" int not null, "text" text not null, "nyckeltal" jsonb not null, "professionell_bedomning" boolean not null, "status" text not null, "version" int not null, "beslut" jsonb not null, "avslutat" jsonb null, "andrad_av_id" varchar(200) not null, "andrad_av_namn" varchar(200) not null, "skapad_at" timestamptz not null, "andrad_at" timestamptz not null, primary key ("id"));`,
        `create index "mal_namnd_kod_status_index" on "mal" ("namnd_kod", "status");`,
        `create table "malbedomning" ("mal_id" uuid not null, "ar" int not null, "tillfalle" text not null, "namnd_kod" varchar(20) not null, "forslag" jsonb not null, "beslut" jsonb null, "version" int not null, "andrad_at" timestamptz not null, primary key ("mal_id", "ar", "tillfalle"));`,
        `create index "malbedomning_ar_tillfalle_namnd_kod_index" on "malbedomning" ("ar", "tillfalle", "namnd_kod");`,
        `create table "mal_plats" ("namnd_kod" varchar(20) not null, "plats" int not null, "mal_id" uuid null, primary key ("namnd_kod", "plats"));`,
        `alter table "mal_plats" add constraint "mal_plats_mal_id_unique" unique ("mal_id");`,
        `create table "malversion" ("mal_id" uuid not null, "version" int not null, "handling" text not null, "data" jsonb not null, "andrad_at" timestamptz not null, primary key ("mal_id", "version"));`,
        `create table "matvarde" ("nyckeltal_id" uuid not null, "period" varchar(7) not null, "kon" text not null, "varde" double precision null, "status" varchar(100) null, "kalla" text not null, "registrerad_at" timestamptz not null, primary key ("nyckeltal_id", "period", "kon"));`,
        `create table "nyckeltal" ("id" uuid not null, "namn" varchar(200) not null, "definition" text not null, "enhet" varchar(40) not null, "riktning" text not null, "kalla" varchar(200) not null, "kolada_kpi" varchar(10) null, "periodtyp" text not null, "konsuppdelat" boolean not null, "utgangsvarde" jsonb null, "malvarden" jsonb not null, "version" int not null, "andrad_at" timestamptz not null, primary key ("id"));`,
        `alter table "nyckeltal" add constraint "nyckeltal_kolada_kpi_unique" unique ("kolada_kpi");`,
        `alter table "inriktning" add constraint "inriktning_niva_check" check ("niva" in ('stad', 'namnd', 'bolag'));`,
        `alter table "kolada_varde" add constraint "kolada_varde_kon_check" check ("kon" in ('total', 'kvinnor', 'man'));`,
        `alter table "mal" add constraint "mal_agartyp_check" check ("agartyp" in ('namnd', 'bolag'));`,
        `alter table "mal" add constraint "mal_status_check" check ("status" in ('aktivt', 'avslutat'));`,
        `alter table "malbedomning" add constraint "malbedomning_tillfalle_check" check ("tillfalle" in ('april', 'augusti', 'helar'));`,
        `alter table "malversion" add constraint "malversion_handling_check" check ("handling" in ('skapat', 'andrat', 'avslutat'));`,
        `alter table "matvarde" add constraint "matvarde_kon_check" check ("kon" in ('total', 'kvinnor', 'man'));`,
        `alter table "matvarde" add constraint "matvarde_kalla_check" check ("kalla" in ('manuell', 'csv', 'kolada'));`,
        `alter table "nyckeltal" add constraint "nyckeltal_riktning_check" check ("riktning" in ('hogre-ar-battre', 'lagre-ar-battre'));`,
        `alter table "nyckeltal" add constraint "nyckeltal_periodtyp_check" check ("periodtyp" in ('ar', 'tertial', 'manad'));`,
      ],
      sqlite: [
        "create table `inriktning` (`id` text not null primary key, `niva` text check (`niva` in ('stad', 'namnd', 'bolag')) not null, `namnd_kod` text null, `rubrik` text not null, `text` text not null, `fran_ar` integer not null, `till_ar` integer not null, `nyckeltal` json not null, `beslut` json not null, `version` integer not null, `andrad_av_id` text not null, `andrad_av_namn` text not null, `andrad_at` datetime not null);",
        'create index `inriktning_namnd_kod_index` on `inriktning` (`namnd_kod`);',
        'create table `installning` (`nyckel` text not null primary key, `varde` json not null, `andrad_av_id` text not null, `andrad_av_namn` text not null, `andrad_at` datetime not null);',
        "create table `kolada_varde` (`kpi` text not null, `kommun` text not null, `ar` integer not null, `kon` text check (`kon` in ('total', 'kvinnor', 'man')) not null, `varde` double null, `status` text null, `import_id` text not null, `importerad_at` datetime not null, primary key (`kpi`, `kommun`, `ar`, `kon`));",
        "create table `mal` (`id` text not null primary key, `namnd_kod` text not null, `agartyp` text check (`agartyp` in ('namnd', 'bolag')) not null, `ar` integer not null, `text` text not null, `nyckeltal` json not null, `professionell_bedomning` integer not null, `status` text check (`status` in ('aktivt', 'avslutat')) not null, `version` integer not null, `beslut` json not null, `avslutat` json null, `andrad_av_id` text not null, `andrad_av_namn` text not null, `skapad_at` datetime not null, `andrad_at` datetime not null);",
        'create index `mal_namnd_kod_status_index` on `mal` (`namnd_kod`, `status`);',
        "create table `malbedomning` (`mal_id` text not null, `ar` integer not null, `tillfalle` text check (`tillfalle` in ('april', 'augusti', 'helar')) not null, `namnd_kod` text not null, `forslag` json not null, `beslut` json null, `version` integer not null, `andrad_at` datetime not null, primary key (`mal_id`, `ar`, `tillfalle`));",
        'create index `malbedomning_ar_tillfalle_namnd_kod_index` on `malbedomning` (`ar`, `tillfalle`, `namnd_kod`);',
        'create table `mal_plats` (`namnd_kod` text not null, `plats` integer not null, `mal_id` text null, primary key (`namnd_kod`, `plats`));',
        'create unique index `mal_plats_mal_id_unique` on `mal_plats` (`mal_id`);',
        "create table `malversion` (`mal_id` text not null, `version` integer not null, `handling` text check (`handling` in ('skapat', 'andrat', 'avslutat')) not null, `data` json not null, `andrad_at` datetime not null, primary key (`mal_id`, `version`));",
        "create table `matvarde` (`nyckeltal_id` text not null, `period` text not null, `kon` text check (`kon` in ('total', 'kvinnor', 'man')) not null, `varde` double null, `status` text null, `kalla` text check (`kalla` in ('manuell', 'csv', 'kolada')) not null, `registrerad_at` datetime not null, primary key (`nyckeltal_id`, `period`, `kon`));",
        "create table `nyckeltal` (`id` text not null primary key, `namn` text not null, `definition` text not null, `enhet` text not null, `riktning` text check (`riktning` in ('hogre-ar-battre', 'lagre-ar-battre')) not null, `kalla` text not null, `kolada_kpi` text null, `periodtyp` text check (`periodtyp` in ('ar', 'tertial', 'manad')) not null, `konsuppdelat` integer not null, `utgangsvarde` json null, `malvarden` json not null, `version` integer not null, `andrad_at` datetime not null);",
        'create unique index `nyckeltal_kolada_kpi_unique` on `nyckeltal` (`kolada_kpi`);',
      ],
    });
  }
}
