import { DialectMigration } from '@tertial/service-kit';

/** The kommunkoncern: the companies' budgets, utfall and forecasts as published, and the intra-group amounts. */
export class Migration20261202052517 extends DialectMigration {
  override name = 'Migration20261202052517';

  override up(): void {
    this.addSqlFor({
      postgresql: [
        `create table "bolag_siffror" ("bolag" varchar(20) not null, "ar" int not null, "kalla" varchar(20) not null, "data" jsonb not null, "uppdaterad_at" timestamptz not null, primary key ("bolag", "ar", "kalla"));`,
        `create table "koncernintern_post" ("ar" int not null, "saljare" varchar(20) not null, "kopare" varchar(20) not null, "slag" varchar(20) not null, "belopp_ore" bigint not null, "andrad_av" varchar(200) not null, "andrad_at" timestamptz not null, primary key ("ar", "saljare", "kopare", "slag"));`,
      ],
      sqlite: [
        'create table `bolag_siffror` (`bolag` text not null, `ar` integer not null, `kalla` text not null, `data` json not null, `uppdaterad_at` datetime not null, primary key (`bolag`, `ar`, `kalla`));',
        'create table `koncernintern_post` (`ar` integer not null, `saljare` text not null, `kopare` text not null, `slag` text not null, `belopp_ore` bigint not null, `andrad_av` text not null, `andrad_at` datetime not null, primary key (`ar`, `saljare`, `kopare`, `slag`));',
      ],
    });
  }
}
