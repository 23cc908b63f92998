import { DialectMigration } from '@tertial/service-kit';

/** The chef's budgeted årsarbetare beside the verksamhetsbudget, in tenths (null: estimated from personnel costs). */
export class Migration20261202000000 extends DialectMigration {
  override name = 'Migration20261202000000';

  override up(): void {
    this.addSqlFor({
      postgresql: [`alter table "verksamhetsbudget" add column "arsarbetare_tiondelar" int null;`],
      sqlite: ['alter table `verksamhetsbudget` add column `arsarbetare_tiondelar` integer null;'],
    });
  }
}
