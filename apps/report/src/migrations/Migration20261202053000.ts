import { DialectMigration } from '@tertial/service-kit';

/**
 * Issue 12: the reports' versions. A fixed version (`faststalld`) is refused any update or delete by a trigger on
 * both databases: the promise to kommunfullmäktige that its report never changes is kept below the service.
 */
export class Migration20261202053000 extends DialectMigration {
  override name = 'Migration20261202053000';

  override up(): void {
    this.addSqlFor({
      postgresql: [
        `create table "rapportversion" ("ar" int not null, "rapport" text not null, "version" int not null, "status" text not null, "texter" jsonb not null, "innehall" jsonb null, "hash" varchar(64) null, "ersatter" int null, "skapad_at" timestamptz not null, "skapad_av" varchar(200) not null, "faststalld_at" timestamptz null, "faststalld_av" varchar(200) null, primary key ("ar", "rapport", "version"));`,
        `alter table "rapportversion" add constraint "rapportversion_rapport_check" check ("rapport" in ('delarsrapport-april', 'delarsrapport-augusti', 'arsredovisning'));`,
        `alter table "rapportversion" add constraint "rapportversion_status_check" check ("status" in ('utkast', 'granskning', 'faststalld'));`,
        `alter table "rapportversion" add constraint "rapportversion_faststalld_check" check ("status" <> 'faststalld' or ("innehall" is not null and "hash" is not null));`,
        `create function rapportversion_skrivskydd() returns trigger language plpgsql as $$ begin raise exception 'en fastställd rapportversion kan inte ändras (% % version %)', old.rapport, old.ar, old.version using errcode = 'P0001'; end $$;`,
        `create trigger rapportversion_faststalld_andras_inte before update or delete on "rapportversion" for each row when (old.status = 'faststalld') execute function rapportversion_skrivskydd();`,
        // The chef's comment on the deviation, for the report's comments on deviations.
        `alter table "ansvar_helarsprognos" add column "kommentar" text null;`,
      ],
      sqlite: [
        // `ar` first: MikroORM's SQLite reader finds a column's check only after a comma, never on the first column.
        "create table `rapportversion` (`ar` integer not null, `rapport` text check (`rapport` in ('delarsrapport-april', 'delarsrapport-augusti', 'arsredovisning')) not null, `version` integer not null, `status` text check (`status` in ('utkast', 'granskning', 'faststalld')) not null, `texter` json not null, `innehall` json null, `hash` text null, `ersatter` integer null, `skapad_at` datetime not null, `skapad_av` text not null, `faststalld_at` datetime null, `faststalld_av` text null, primary key (`ar`, `rapport`, `version`), constraint `rapportversion_faststalld_check` check (status <> 'faststalld' or (innehall is not null and hash is not null)));",
        "create trigger `rapportversion_faststalld_andras_inte` before update on `rapportversion` when old.status = 'faststalld' begin select raise(abort, 'en fastställd rapportversion kan inte ändras'); end;",
        "create trigger `rapportversion_faststalld_tas_inte_bort` before delete on `rapportversion` when old.status = 'faststalld' begin select raise(abort, 'en fastställd rapportversion kan inte ändras'); end;",
        'alter table `ansvar_helarsprognos` add column `kommentar` text null;',
      ],
    });
  }
}
