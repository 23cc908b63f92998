import { Migration } from '@mikro-orm/migrations';

export class Migration20261126144910 extends Migration {
  override name = 'Migration20261126144910';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "mal" ("id" uuid not null, "namnd_kod" varchar(20) not null, "ar" int not null, "text" text not null, "nyckeltal" jsonb null, "skapad_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`create index "mal_namnd_kod_ar_index" on "mal" ("namnd_kod", "ar");`);

    this.addSql(
      `create table "organisation_node" ("kod" varchar(20) not null, "namn" varchar(200) not null, "niva" text not null, "foralder_kod" varchar(20) null, "chef_anvandar_id" varchar(100) null, "chef_namn" varchar(200) null, "giltig_fran" varchar(10) not null, "updated_at" timestamptz not null, primary key ("kod"));`,
    );
    this.addSql(
      `alter table "organisation_node" add constraint "organisation_node_niva_check" check ("niva" in ('stad', 'namnd', 'forvaltning', 'avdelning', 'enhet'));`,
    );

    this.addSql(
      `create table "outbox_message" ("seq" bigserial primary key, "event_id" uuid not null, "topic" varchar(200) not null, "message_key" varchar(200) not null, "value" text not null, "created_at" timestamptz not null, "sent_at" timestamptz null);`,
    );
    this.addSql(`alter table "outbox_message" add constraint "outbox_message_event_id_unique" unique ("event_id");`);
    this.addSql(`create index "outbox_message_sent_at_seq_index" on "outbox_message" ("sent_at", "seq");`);

    this.addSql(
      `create table "processed_event" ("event_id" uuid not null, "topic" varchar(200) not null, "processed_at" timestamptz not null, primary key ("event_id"));`,
    );
  }
}
