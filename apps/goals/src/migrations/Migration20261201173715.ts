import { DialectMigration } from '@tertial/service-kit';

export class Migration20261201173715 extends DialectMigration {
  override name = 'Migration20261201173715';

  override up(): void {
    this.addSqlFor({
      postgresql: [
        `create table "mal" ("id" uuid not null, "namnd_kod" varchar(20) not null, "ar" int not null, "text" text not null, "nyckeltal" jsonb null, "skapad_at" timestamptz not null, primary key ("id"));`,
        `create index "mal_namnd_kod_ar_index" on "mal" ("namnd_kod", "ar");`,
      ],
      sqlite: [
        'create table `mal` (`id` text not null primary key, `namnd_kod` text not null, `ar` integer not null, `text` text not null, `nyckeltal` json null, `skapad_at` datetime not null);',
        'create index `mal_namnd_kod_ar_index` on `mal` (`namnd_kod`, `ar`);',
      ],
    });
  }
}
