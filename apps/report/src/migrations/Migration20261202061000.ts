import { DialectMigration } from '@tertial/service-kit';

/** Prognossäkerhet: each nämnd's forecast as its round closed, and each nämnd's closed year (bokslut). */
export class Migration20261202061000 extends DialectMigration {
  override name = 'Migration20261202061000';

  override up(): void {
    this.addSqlFor({
      postgresql: [
        `create table "omgangsprognos" ("ar" int not null, "tillfalle" text not null, "namnd" varchar(20) not null, "namn" varchar(200) not null, "budget_ore" bigint not null, "prognos_ore" bigint not null, "antal_lamnade" int not null, "antal_ansvar" int not null, "stangd_at" timestamptz not null, primary key ("ar", "tillfalle", "namnd"));`,
        `alter table "omgangsprognos" add constraint "omgangsprognos_tillfalle_check" check ("tillfalle" in ('februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november'));`,
        `create table "namnd_bokslut" ("ar" int not null, "namnd" varchar(20) not null, "nettokostnad_ore" bigint not null, "antal_namnder" int not null, "faststallt_at" timestamptz not null, primary key ("ar", "namnd"));`,
      ],
      sqlite: [
        "create table `omgangsprognos` (`ar` integer not null, `tillfalle` text check (`tillfalle` in ('februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november')) not null, `namnd` text not null, `namn` text not null, `budget_ore` bigint not null, `prognos_ore` bigint not null, `antal_lamnade` integer not null, `antal_ansvar` integer not null, `stangd_at` datetime not null, primary key (`ar`, `tillfalle`, `namnd`));",
        'create table `namnd_bokslut` (`ar` integer not null, `namnd` text not null, `nettokostnad_ore` bigint not null, `antal_namnder` integer not null, `faststallt_at` datetime not null, primary key (`ar`, `namnd`));',
      ],
    });
  }
}
