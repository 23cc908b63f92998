import { DialectMigration } from '@tertial/service-kit';

export class Migration20261201173731 extends DialectMigration {
  override name = 'Migration20261201173731';

  override up(): void {
    this.addSqlFor({
      postgresql: [
        `create table "ansvar_prognos" ("ansvar" varchar(20) not null, "ar" int not null, "tillfalle" text not null, "version" int not null, "prognos_id" uuid not null, "intakter_ore" bigint not null, "kostnader_ore" bigint not null, "nettokostnad_ore" bigint not null, "lamnad_at" timestamptz not null, "applied_at" timestamptz not null, primary key ("ansvar", "ar", "tillfalle"));`,
        `create table "ansvar_utfall" ("ansvar" varchar(20) not null, "ar" int not null, "netto_ore" bigint not null, "senaste_manad" int null, "import_id" uuid not null, "uppdaterad_at" timestamptz not null, primary key ("ansvar", "ar"));`,
        `create table "namnd_ram" ("namnd" varchar(20) not null, "ar" int not null, "ram_ore" bigint not null, "version_id" varchar(200) not null, "uppdaterad_at" timestamptz not null, primary key ("namnd", "ar"));`,
        `create table "rapport" ("id" uuid not null, "ar" int not null, "tillfalle" text not null, "titel" varchar(200) not null, "status" text not null, "innehall" jsonb not null, "skapad_at" timestamptz not null, "skapad_av" varchar(200) not null, "faststalld_at" timestamptz null, "faststalld_av" varchar(200) null, primary key ("id"));`,
        `alter table "ansvar_prognos" add constraint "ansvar_prognos_tillfalle_check" check ("tillfalle" in ('april', 'augusti'));`,
        `alter table "rapport" add constraint "rapport_tillfalle_check" check ("tillfalle" in ('april', 'augusti'));`,
        `alter table "rapport" add constraint "rapport_status_check" check ("status" in ('utkast', 'faststalld'));`,
      ],
      sqlite: [
        "create table `ansvar_prognos` (`ansvar` text not null, `ar` integer not null, `tillfalle` text check (`tillfalle` in ('april', 'augusti')) not null, `version` integer not null, `prognos_id` text not null, `intakter_ore` bigint not null, `kostnader_ore` bigint not null, `nettokostnad_ore` bigint not null, `lamnad_at` datetime not null, `applied_at` datetime not null, primary key (`ansvar`, `ar`, `tillfalle`));",
        'create table `ansvar_utfall` (`ansvar` text not null, `ar` integer not null, `netto_ore` bigint not null, `senaste_manad` integer null, `import_id` text not null, `uppdaterad_at` datetime not null, primary key (`ansvar`, `ar`));',
        'create table `namnd_ram` (`namnd` text not null, `ar` integer not null, `ram_ore` bigint not null, `version_id` text not null, `uppdaterad_at` datetime not null, primary key (`namnd`, `ar`));',
        "create table `rapport` (`id` text not null primary key, `ar` integer not null, `tillfalle` text check (`tillfalle` in ('april', 'augusti')) not null, `titel` text not null, `status` text check (`status` in ('utkast', 'faststalld')) not null, `innehall` json not null, `skapad_at` datetime not null, `skapad_av` text not null, `faststalld_at` datetime null, `faststalld_av` text null);",
      ],
    });
  }
}
