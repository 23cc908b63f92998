import { DialectMigration } from '@tertial/service-kit';

/** The verksamhetsbudget's net cost per month beside the year's, so a round's period budget is its months. */
export class Migration20261201220000 extends DialectMigration {
  override name = 'Migration20261201220000';

  override up(): void {
    this.addSqlFor({
      postgresql: [`alter table "ansvar_budget" add column "manader_netto_ore" jsonb null;`],
      sqlite: ['alter table `ansvar_budget` add column `manader_netto_ore` json null;'],
    });
  }
}
