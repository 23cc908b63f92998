import { DialectMigration } from '@tertial/service-kit';

/** The chefs' verksamhetsbudgetar: an ansvar's internbudget spread over kontogrupper and months. */
export class Migration20261201210000 extends DialectMigration {
  override name = 'Migration20261201210000';

  override up(): void {
    this.addSqlFor({
      postgresql: [
        `create table "verksamhetsbudget" ("ansvar" varchar(20) not null, "ar" int not null, "periodisering" text not null, "rader" jsonb not null, "version_id" varchar(100) not null, "sparad_av_id" varchar(200) not null, "sparad_av_namn" varchar(200) not null, "sparad_at" timestamptz not null, primary key ("ansvar", "ar"));`,
        `alter table "verksamhetsbudget" add constraint "verksamhetsbudget_periodisering_check" check ("periodisering" in ('jamnt', 'foregaende-ar', 'manuellt'));`,
      ],
      sqlite: [
        "create table `verksamhetsbudget` (`ansvar` text not null, `ar` integer not null, `periodisering` text check (`periodisering` in ('jamnt', 'foregaende-ar', 'manuellt')) not null, `rader` json not null, `version_id` text not null, `sparad_av_id` text not null, `sparad_av_namn` text not null, `sparad_at` datetime not null, primary key (`ansvar`, `ar`));",
      ],
    });
  }
}
