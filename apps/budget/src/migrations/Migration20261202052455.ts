import { DialectMigration } from '@tertial/service-kit';

/** The wholly owned companies: each one's budget from its affärsplan, and its BAS ledger's utfall per month and account. */
export class Migration20261202052455 extends DialectMigration {
  override name = 'Migration20261202052455';

  override up(): void {
    this.addSqlFor({
      postgresql: [
        `create table "bolagsbudget" ("bolag" varchar(20) not null, "ar" int not null, "budget" jsonb not null, primary key ("bolag", "ar"));`,
        `create table "bolagsutfall" ("bolag" varchar(20) not null, "ar" int not null, "manad" int not null, "konto" int not null, "belopp_ore" bigint not null, primary key ("bolag", "ar", "manad", "konto"));`,
      ],
      sqlite: [
        'create table `bolagsbudget` (`bolag` text not null, `ar` integer not null, `budget` json not null, primary key (`bolag`, `ar`));',
        'create table `bolagsutfall` (`bolag` text not null, `ar` integer not null, `manad` integer not null, `konto` integer not null, `belopp_ore` bigint not null, primary key (`bolag`, `ar`, `manad`, `konto`));',
      ],
    });
  }
}
