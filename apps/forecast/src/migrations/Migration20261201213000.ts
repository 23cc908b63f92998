import { DialectMigration } from '@tertial/service-kit';

/** The verksamhetsbudget's months beside the year per kontogrupp, for a proposal of exactly the months that remain. */
export class Migration20261201213000 extends DialectMigration {
  override name = 'Migration20261201213000';

  override up(): void {
    this.addSqlFor({
      postgresql: [`alter table "ansvarsbudget" add column "manader" jsonb null;`],
      sqlite: ['alter table `ansvarsbudget` add column `manader` json null;'],
    });
  }
}
