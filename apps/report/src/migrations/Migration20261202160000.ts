import { DialectMigration } from '@tertial/service-kit';

/** Each ansvar's utfall so far with its internal part, for the elimination of the budget and forecast columns. */
export class Migration20261202160000 extends DialectMigration {
  override name = 'Migration20261202160000';

  override up(): void {
    this.addSqlFor({
      postgresql: [
        `create table "ansvar_utfall_intern" ("ansvar" varchar(20) not null, "ar" int not null, "intakter_ore" bigint not null, "interna_intakter_ore" bigint not null, "kostnader_ore" bigint not null, "interna_kostnader_ore" bigint not null, primary key ("ansvar", "ar"));`,
      ],
      sqlite: [
        'create table `ansvar_utfall_intern` (`ansvar` text not null, `ar` integer not null, `intakter_ore` bigint not null, `interna_intakter_ore` bigint not null, `kostnader_ore` bigint not null, `interna_kostnader_ore` bigint not null, primary key (`ansvar`, `ar`));',
      ],
    });
  }
}
