import { DialectMigration } from '@tertial/service-kit';

export class Migration20261201173706 extends DialectMigration {
  override name = 'Migration20261201173706';

  override up(): void {
    this.addSqlFor({
      postgresql: [
        `create table "budgetversion" ("id" varchar(100) not null, "ar" int not null, "typ" varchar(20) not null, "beslutad" varchar(10) not null, "version" jsonb not null, primary key ("id"));`,
        `create index "budgetversion_ar_index" on "budgetversion" ("ar");`,
        `create table "investeringsprojekt" ("id" varchar(100) not null, "namnd" varchar(20) not null, "projekt" jsonb not null, primary key ("id"));`,
        `create index "investeringsprojekt_namnd_index" on "investeringsprojekt" ("namnd");`,
        `create table "konto" ("konto" int not null, "namn" varchar(200) not null, primary key ("konto"));`,
        `create table "kontogrupp_intervall" ("fran" int not null, "till" int not null, "kontogrupp" text not null, primary key ("fran"));`,
        `create table "organisation_node" ("kod" varchar(20) not null, "giltig_fran" varchar(10) not null, "namn" varchar(200) not null, "niva" text not null, "foralder_kod" varchar(20) null, "chef_anvandar_id" varchar(100) null, "chef_namn" varchar(200) null, primary key ("kod", "giltig_fran"));`,
        `create index "organisation_node_foralder_kod_index" on "organisation_node" ("foralder_kod");`,
        `create table "resursfordelningsunderlag" ("namnd" varchar(20) not null, "ar" int not null, "underlag" jsonb not null, primary key ("namnd", "ar"));`,
        `create table "utfall" ("ar" int not null, "manad" int not null, "ansvar" varchar(20) not null, "konto" int not null, "belopp_ore" bigint not null, primary key ("ar", "manad", "ansvar", "konto"));`,
        `create index "utfall_ar_ansvar_index" on "utfall" ("ar", "ansvar");`,
        `create table "utfall_import" ("id" uuid not null, "filnamn" varchar(300) not null, "format" varchar(10) not null, "kodning" varchar(20) not null, "perioder" jsonb not null, "antal_rader" int not null, "importerad_at" timestamptz not null, primary key ("id"));`,
        `alter table "kontogrupp_intervall" add constraint "kontogrupp_intervall_kontogrupp_check" check ("kontogrupp" in ('intakter', 'personalkostnader', 'lokalkostnader', 'kop-av-verksamhet', 'ovriga-kostnader', 'kapitalkostnader', 'skatter-och-bidrag', 'finansiella-intakter', 'finansiella-kostnader'));`,
        `alter table "organisation_node" add constraint "organisation_node_niva_check" check ("niva" in ('stad', 'namnd', 'forvaltning', 'avdelning', 'enhet'));`,
      ],
      sqlite: [
        'create table `budgetversion` (`id` text not null primary key, `ar` integer not null, `typ` text not null, `beslutad` text not null, `version` json not null);',
        'create index `budgetversion_ar_index` on `budgetversion` (`ar`);',
        'create table `investeringsprojekt` (`id` text not null primary key, `namnd` text not null, `projekt` json not null);',
        'create index `investeringsprojekt_namnd_index` on `investeringsprojekt` (`namnd`);',
        'create table `konto` (`konto` integer not null primary key, `namn` text not null);',
        "create table `kontogrupp_intervall` (`fran` integer not null primary key, `till` integer not null, `kontogrupp` text check (`kontogrupp` in ('intakter', 'personalkostnader', 'lokalkostnader', 'kop-av-verksamhet', 'ovriga-kostnader', 'kapitalkostnader', 'skatter-och-bidrag', 'finansiella-intakter', 'finansiella-kostnader')) not null);",
        "create table `organisation_node` (`kod` text not null, `giltig_fran` text not null, `namn` text not null, `niva` text check (`niva` in ('stad', 'namnd', 'forvaltning', 'avdelning', 'enhet')) not null, `foralder_kod` text null, `chef_anvandar_id` text null, `chef_namn` text null, primary key (`kod`, `giltig_fran`));",
        'create index `organisation_node_foralder_kod_index` on `organisation_node` (`foralder_kod`);',
        'create table `resursfordelningsunderlag` (`namnd` text not null, `ar` integer not null, `underlag` json not null, primary key (`namnd`, `ar`));',
        'create table `utfall` (`ar` integer not null, `manad` integer not null, `ansvar` text not null, `konto` integer not null, `belopp_ore` bigint not null, primary key (`ar`, `manad`, `ansvar`, `konto`));',
        'create index `utfall_ar_ansvar_index` on `utfall` (`ar`, `ansvar`);',
        'create table `utfall_import` (`id` text not null primary key, `filnamn` text not null, `format` text not null, `kodning` text not null, `perioder` json not null, `antal_rader` integer not null, `importerad_at` datetime not null);',
      ],
    });
  }
}
