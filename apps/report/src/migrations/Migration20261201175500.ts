import { DialectMigration } from '@tertial/service-kit';

/** The net utfall of January to April beside the year's, so the April totals compare with their own period. */
export class Migration20261201175500 extends DialectMigration {
  override name = 'Migration20261201175500';

  override up(): void {
    this.addSqlFor({
      postgresql: [`alter table "ansvar_utfall" add column "netto_tom_april_ore" bigint null;`],
      sqlite: ['alter table `ansvar_utfall` add column `netto_tom_april_ore` bigint null;'],
    });
  }
}
