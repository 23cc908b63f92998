import { DialectMigration } from '../database/dialect-migration.js';

/**
 * The kit's tables in every service, as they stood when the migrations were squashed into one baseline:
 * the outbox, the processed-event log and the audit trail, which the database itself keeps append-only.
 */
export class Kit20261201170000 extends DialectMigration {
  override name = 'Kit20261201170000';

  override up(): void {
    this.addSqlFor({
      postgresql: [
        `create table "outbox_message" ("seq" bigserial primary key, "event_id" uuid not null, "topic" varchar(200) not null, "message_key" varchar(200) not null, "value" text not null, "created_at" timestamptz not null, "sent_at" timestamptz null);`,
        `alter table "outbox_message" add constraint "outbox_message_event_id_unique" unique ("event_id");`,
        `create index "outbox_message_sent_at_seq_index" on "outbox_message" ("sent_at", "seq");`,
        `create table "processed_event" ("event_id" uuid not null, "topic" varchar(200) not null, "processed_at" timestamptz not null, primary key ("event_id"));`,
        `create table "granskningspost" ("id" uuid not null, "tidpunkt" timestamptz not null, "tjanst" varchar(20) not null, "anvandare" varchar(200) not null, "anvandar_namn" varchar(200) not null, "roller" varchar(200) not null, "handling" varchar(60) not null, "objekt_typ" varchar(30) not null, "objekt_id" varchar(100) not null, "fore" jsonb null, "efter" jsonb null, "correlation_id" varchar(100) not null, primary key ("id"));`,
        `create index "granskningspost_objekt_typ_objekt_id_index" on "granskningspost" ("objekt_typ", "objekt_id");`,
        `create index "granskningspost_tidpunkt_index" on "granskningspost" ("tidpunkt");`,
        `create function granskningspost_skrivskydd() returns trigger language plpgsql as $$ begin raise exception 'granskningsloggen kan inte ändras'; end $$;`,
        `create trigger granskningspost_ingen_andring before update or delete on granskningspost for each statement execute function granskningspost_skrivskydd();`,
        `create trigger granskningspost_ingen_tomning before truncate on granskningspost for each statement execute function granskningspost_skrivskydd();`,
      ],
      sqlite: [
        'create table `outbox_message` (`seq` integer not null primary key autoincrement, `event_id` text not null, `topic` text not null, `message_key` text not null, `value` text not null, `created_at` datetime not null, `sent_at` datetime null);',
        'create unique index `outbox_message_event_id_unique` on `outbox_message` (`event_id`);',
        'create index `outbox_message_sent_at_seq_index` on `outbox_message` (`sent_at`, `seq`);',
        'create table `processed_event` (`event_id` text not null primary key, `topic` text not null, `processed_at` datetime not null);',
        'create table `granskningspost` (`id` text not null primary key, `tidpunkt` datetime not null, `tjanst` text not null, `anvandare` text not null, `anvandar_namn` text not null, `roller` text not null, `handling` text not null, `objekt_typ` text not null, `objekt_id` text not null, `fore` json null, `efter` json null, `correlation_id` text not null);',
        'create index `granskningspost_objekt_typ_objekt_id_index` on `granskningspost` (`objekt_typ`, `objekt_id`);',
        'create index `granskningspost_tidpunkt_index` on `granskningspost` (`tidpunkt`);',
        "create trigger granskningspost_ingen_andring before update on granskningspost begin select raise(abort, 'granskningsloggen kan inte ändras'); end;",
        "create trigger granskningspost_ingen_radering before delete on granskningspost begin select raise(abort, 'granskningsloggen kan inte ändras'); end;",
      ],
    });
  }
}
