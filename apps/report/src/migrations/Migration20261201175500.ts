import { Migration } from '@mikro-orm/migrations';

/** The net utfall of January to April beside the year's, so the April totals compare with their own period. */
export class Migration20261201175500 extends Migration {
  override name = 'Migration20261201175500';

  override up(): void | Promise<void> {
    this.addSql(`alter table "ansvar_utfall" add column "netto_tom_april_ore" bigint null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "ansvar_utfall" drop column "netto_tom_april_ore";`);
  }
}
