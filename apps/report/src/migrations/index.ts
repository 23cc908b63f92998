import type { MigrationClass } from '@tertial/service-kit';

export const MIGRATIONS: { name: string; class: MigrationClass }[] = [];
