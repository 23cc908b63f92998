import { DialectMigration } from '@tertial/service-kit';

/**
 * When the latest applied state of each key occurred (`arSenastaTillstand`), so that an older frame, utfall or
 * verksamhetsbudget arriving after a newer one is passed over. Empty at first: the next event of each key is applied
 * as before, and from then on the key is guarded.
 */
export class Migration20261202200000 extends DialectMigration {
  override name = 'Migration20261202200000';

  override up(): void {
    this.addSqlFor({
      postgresql: [
        `create table "senaste_tillstand" ("slag" varchar(30) not null, "nyckel" varchar(200) not null, "occurred_ms" bigint not null, primary key ("slag", "nyckel"));`,
      ],
      sqlite: [
        'create table `senaste_tillstand` (`slag` text not null, `nyckel` text not null, `occurred_ms` bigint not null, primary key (`slag`, `nyckel`));',
      ],
    });
  }
}
