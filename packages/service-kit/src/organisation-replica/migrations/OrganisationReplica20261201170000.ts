import { DialectMigration } from '../../database/dialect-migration.js';

/** The replica of the organisation tree, in the services that keep one, as it stood at the baseline. */
export class OrganisationReplica20261201170000 extends DialectMigration {
  override name = 'OrganisationReplica20261201170000';

  override up(): void {
    this.addSqlFor({
      postgresql: [
        `create table "organisation_node" ("kod" varchar(20) not null, "giltig_fran" varchar(10) not null, "namn" varchar(200) not null, "niva" text not null, "foralder_kod" varchar(20) null, "chef_anvandar_id" varchar(100) null, "chef_namn" varchar(200) null, "updated_at" timestamptz not null, primary key ("kod", "giltig_fran"));`,
        `alter table "organisation_node" add constraint "organisation_node_niva_check" check ("niva" in ('stad', 'namnd', 'forvaltning', 'avdelning', 'enhet'));`,
      ],
      sqlite: [
        "create table `organisation_node` (`kod` text not null, `giltig_fran` text not null, `namn` text not null, `niva` text check (`niva` in ('stad', 'namnd', 'forvaltning', 'avdelning', 'enhet')) not null, `foralder_kod` text null, `chef_anvandar_id` text null, `chef_namn` text null, `updated_at` datetime not null, primary key (`kod`, `giltig_fran`));",
      ],
    });
  }
}
