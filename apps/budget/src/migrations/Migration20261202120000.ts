import { DialectMigration } from '@tertial/service-kit';

/** The kontoplan's internal accounts (internal rents, capital costs, purchases between nämnder), as ranges. */
export class Migration20261202120000 extends DialectMigration {
  override name = 'Migration20261202120000';

  override up(): void {
    this.addSqlFor({
      postgresql: [
        `create table "intern_kontointervall" ("fran" int not null, "till" int not null, "namn" varchar(200) not null, primary key ("fran"));`,
      ],
      sqlite: [
        'create table `intern_kontointervall` (`fran` integer not null primary key, `till` integer not null, `namn` text not null);',
      ],
    });
  }
}
