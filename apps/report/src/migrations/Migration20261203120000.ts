import { DialectMigration } from '@tertial/service-kit';

/** Reminders to the chefs whose forecast is missing from a round (issue 9): who was reminded, by whom and when. */
export class Migration20261203120000 extends DialectMigration {
  override name = 'Migration20261203120000';

  override up(): void {
    this.addSqlFor({
      postgresql: [
        `create table "prognospaminnelse" ("id" uuid not null, "ar" int not null, "tillfalle" varchar(20) not null, "ansvar" varchar(20) not null, "chef_id" varchar(200) not null, "chef_namn" varchar(200) not null, "meddelande" varchar(500) null, "skickad_av_id" varchar(200) not null, "skickad_av_namn" varchar(200) not null, "skickad_at" timestamptz not null, primary key ("id"));`,
        `create index "prognospaminnelse_ar_tillfalle_ansvar_index" on "prognospaminnelse" ("ar", "tillfalle", "ansvar");`,
        `create index "prognospaminnelse_chef_id_ar_tillfalle_index" on "prognospaminnelse" ("chef_id", "ar", "tillfalle");`,
      ],
      sqlite: [
        'create table `prognospaminnelse` (`id` text not null primary key, `ar` integer not null, `tillfalle` text not null, `ansvar` text not null, `chef_id` text not null, `chef_namn` text not null, `meddelande` text null, `skickad_av_id` text not null, `skickad_av_namn` text not null, `skickad_at` datetime not null);',
        'create index `prognospaminnelse_ar_tillfalle_ansvar_index` on `prognospaminnelse` (`ar`, `tillfalle`, `ansvar`);',
        'create index `prognospaminnelse_chef_id_ar_tillfalle_index` on `prognospaminnelse` (`chef_id`, `ar`, `tillfalle`);',
      ],
    });
  }
}
