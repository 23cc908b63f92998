import { Migration } from '@mikro-orm/migrations';

export class Migration20261126152239 extends Migration {
  override name = 'Migration20261126152239';

  override up(): void | Promise<void> {
    this.addSql(`alter table "organisation_node" drop constraint "organisation_node_pkey";`);
    this.addSql(`alter table "organisation_node" add primary key ("kod", "giltig_fran");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "organisation_node" drop constraint "organisation_node_pkey";`);
    this.addSql(`alter table "organisation_node" add primary key ("kod");`);
  }
}
