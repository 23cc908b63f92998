import { Migration } from '@mikro-orm/migrations';

export class Migration20261126152444 extends Migration {
  override name = 'Migration20261126152444';

  override up(): void | Promise<void> {
    this.addSql(`create table "konto" ("konto" int not null, "namn" varchar(200) not null, primary key ("konto"));`);

    this.addSql(
      `create table "kontogrupp_intervall" ("fran" int not null, "till" int not null, "kontogrupp" text not null, primary key ("fran"));`,
    );

    this.addSql(
      `alter table "kontogrupp_intervall" add constraint "kontogrupp_intervall_kontogrupp_check" check ("kontogrupp" in ('intakter', 'personalkostnader', 'lokalkostnader', 'kop-av-verksamhet', 'ovriga-kostnader', 'kapitalkostnader', 'skatter-och-bidrag', 'finansiella-intakter', 'finansiella-kostnader'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "konto" cascade;`);
    this.addSql(`drop table if exists "kontogrupp_intervall" cascade;`);
  }
}
