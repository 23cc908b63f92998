import { DialectMigration } from '@tertial/service-kit';

/** Goal attainment of issue 10: the goals service's mål (highest version), their assessments per follow-up, and the inriktningar. */
export class Migration20261202022759 extends DialectMigration {
  override name = 'Migration20261202022759';

  override up(): void {
    this.addSqlFor({
      postgresql: [
        `create table "inriktning" ("id" uuid not null, "niva" text not null, "namnd" varchar(20) null, "rubrik" text not null, "text" text not null, "fran_ar" int not null, "till_ar" int not null, "version" int not null, "andrad_at" timestamptz not null, primary key ("id"));`,
        `create table "mal" ("id" uuid not null, "namnd" varchar(20) not null, "agartyp" text not null, "ar" int not null, "text" text not null, "nyckeltal" jsonb not null, "professionell_bedomning" boolean not null, "status" text not null, "version" int not null, "beslutad_fran" varchar(10) not null, "avslutad_datum" varchar(10) null, "andrad_at" timestamptz not null, primary key ("id"));`,
        `create table "malbedomning" ("mal_id" uuid not null, "ar" int not null, "tillfalle" text not null, "namnd" varchar(20) not null, "version" int not null, "forslag" jsonb not null, "beslut" jsonb null, "uppdaterad_at" timestamptz not null, primary key ("mal_id", "ar", "tillfalle"));`,
        `alter table "inriktning" add constraint "inriktning_niva_check" check ("niva" in ('stad', 'namnd', 'bolag'));`,
        `alter table "mal" add constraint "mal_agartyp_check" check ("agartyp" in ('namnd', 'bolag'));`,
        `alter table "mal" add constraint "mal_status_check" check ("status" in ('aktivt', 'avslutat'));`,
        `alter table "malbedomning" add constraint "malbedomning_tillfalle_check" check ("tillfalle" in ('april', 'augusti', 'helar'));`,
      ],
      sqlite: [
        "create table `inriktning` (`id` text not null primary key, `niva` text check (`niva` in ('stad', 'namnd', 'bolag')) not null, `namnd` text null, `rubrik` text not null, `text` text not null, `fran_ar` integer not null, `till_ar` integer not null, `version` integer not null, `andrad_at` datetime not null);",
        "create table `mal` (`id` text not null primary key, `namnd` text not null, `agartyp` text check (`agartyp` in ('namnd', 'bolag')) not null, `ar` integer not null, `text` text not null, `nyckeltal` json not null, `professionell_bedomning` integer not null, `status` text check (`status` in ('aktivt', 'avslutat')) not null, `version` integer not null, `beslutad_fran` text not null, `avslutad_datum` text null, `andrad_at` datetime not null);",
        "create table `malbedomning` (`mal_id` text not null, `ar` integer not null, `tillfalle` text check (`tillfalle` in ('april', 'augusti', 'helar')) not null, `namnd` text not null, `version` integer not null, `forslag` json not null, `beslut` json null, `uppdaterad_at` datetime not null, primary key (`mal_id`, `ar`, `tillfalle`));",
      ],
    });
  }
}
