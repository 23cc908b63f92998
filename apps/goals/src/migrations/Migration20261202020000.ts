import { DialectMigration } from '@tertial/service-kit';

/**
 * Issue 10 keeps mål with versions, KF decisions and nyckeltal from a catalogue. The earlier table moves aside as
 * `mal_fore_issue10` (nothing is deleted) so `mal` can be made anew; its rows cannot become mål of the new kind by
 * themselves, since each needs KF's decision and its nyckeltal.
 */
export class Migration20261202020000 extends DialectMigration {
  override name = 'Migration20261202020000';

  override up(): void {
    this.addSqlFor({
      postgresql: [
        `drop index "mal_namnd_kod_ar_index";`,
        `alter table "mal" rename to "mal_fore_issue10";`,
        `alter table "mal_fore_issue10" rename constraint "mal_pkey" to "mal_fore_issue10_pkey";`,
      ],
      sqlite: ['drop index `mal_namnd_kod_ar_index`;', 'alter table `mal` rename to `mal_fore_issue10`;'],
    });
  }
}
