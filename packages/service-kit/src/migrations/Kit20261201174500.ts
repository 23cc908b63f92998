import { DialectMigration } from '../database/dialect-migration.js';

/**
 * The audit trail is called the ändringslogg ("granskning" is the förvaltningsekonom's review of a forecast):
 * its table, indexes and append-only triggers are renamed, with no post lost.
 */
export class Kit20261201174500 extends DialectMigration {
  override name = 'Kit20261201174500';

  override up(): void {
    this.addSqlFor({
      postgresql: [
        `drop trigger granskningspost_ingen_andring on "granskningspost";`,
        `drop trigger granskningspost_ingen_tomning on "granskningspost";`,
        `drop function granskningspost_skrivskydd();`,
        `alter table "granskningspost" rename to "andringslogg";`,
        `alter table "andringslogg" rename constraint "granskningspost_pkey" to "andringslogg_pkey";`,
        `alter index "granskningspost_objekt_typ_objekt_id_index" rename to "andringslogg_objekt_typ_objekt_id_index";`,
        `alter index "granskningspost_tidpunkt_index" rename to "andringslogg_tidpunkt_index";`,
        `create function andringslogg_skrivskydd() returns trigger language plpgsql as $$ begin raise exception 'ändringsloggen kan inte ändras'; end $$;`,
        `create trigger andringslogg_ingen_andring before update or delete on "andringslogg" for each statement execute function andringslogg_skrivskydd();`,
        `create trigger andringslogg_ingen_tomning before truncate on "andringslogg" for each statement execute function andringslogg_skrivskydd();`,
      ],
      sqlite: [
        'drop trigger `granskningspost_ingen_andring`;',
        'drop trigger `granskningspost_ingen_radering`;',
        'alter table `granskningspost` rename to `andringslogg`;',
        // SQLite cannot rename an index: it is made again under its new name.
        'drop index `granskningspost_objekt_typ_objekt_id_index`;',
        'create index `andringslogg_objekt_typ_objekt_id_index` on `andringslogg` (`objekt_typ`, `objekt_id`);',
        'drop index `granskningspost_tidpunkt_index`;',
        'create index `andringslogg_tidpunkt_index` on `andringslogg` (`tidpunkt`);',
        "create trigger `andringslogg_ingen_andring` before update on `andringslogg` begin select raise(abort, 'ändringsloggen kan inte ändras'); end;",
        "create trigger `andringslogg_ingen_radering` before delete on `andringslogg` begin select raise(abort, 'ändringsloggen kan inte ändras'); end;",
      ],
    });
  }
}
