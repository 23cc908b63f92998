import { DialectMigration } from '@tertial/service-kit';

/** The wholly owned companies' full-year forecasts, one per company and round. */
export class Migration20261202052508 extends DialectMigration {
  override name = 'Migration20261202052508';

  override up(): void {
    this.addSqlFor({
      postgresql: [
        `create table "bolagsprognos" ("bolag" varchar(20) not null, "ar" int not null, "tillfalle" varchar(20) not null, "prognos" jsonb not null, primary key ("bolag", "ar", "tillfalle"));`,
      ],
      sqlite: [
        'create table `bolagsprognos` (`bolag` text not null, `ar` integer not null, `tillfalle` text not null, `prognos` json not null, primary key (`bolag`, `ar`, `tillfalle`));',
      ],
    });
  }
}
