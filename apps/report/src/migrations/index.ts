import type { MigrationEntry } from '@tertial/service-kit';
import { Migration20261202052517 } from './Migration20261202052517.js';
import { Migration20261202022759 } from './Migration20261202022759.js';
import { Migration20261202053000 } from './Migration20261202053000.js';
import { Migration20261202061000 } from './Migration20261202061000.js';
import { Migration20261201173731 } from './Migration20261201173731.js';
import { Migration20261201175500 } from './Migration20261201175500.js';
import { Migration20261201201931 } from './Migration20261201201931.js';
import { Migration20261201220000 } from './Migration20261201220000.js';
import { Migration20261202051500 } from './Migration20261202051500.js';
import { Migration20261202083000 } from './Migration20261202083000.js';
import { Migration20261202120000 } from './Migration20261202120000.js';
import { Migration20261202160000 } from './Migration20261202160000.js';
import { Migration20261202200000 } from './Migration20261202200000.js';
import { Migration20261203120000 } from './Migration20261203120000.js';

export const MIGRATIONS: MigrationEntry[] = [
  { name: 'Migration20261201173731', class: Migration20261201173731 },
  { name: 'Migration20261201175500', class: Migration20261201175500 },
  { name: 'Migration20261201201931', class: Migration20261201201931 },
  { name: 'Migration20261201220000', class: Migration20261201220000 },
  { name: 'Migration20261202022759', class: Migration20261202022759 },
  { name: 'Migration20261202051500', class: Migration20261202051500 },
  { name: 'Migration20261202052517', class: Migration20261202052517 },
  { name: 'Migration20261202053000', class: Migration20261202053000 },
  { name: 'Migration20261202061000', class: Migration20261202061000 },
  { name: 'Migration20261202083000', class: Migration20261202083000 },
  { name: 'Migration20261202120000', class: Migration20261202120000 },
  { name: 'Migration20261202160000', class: Migration20261202160000 },
  { name: 'Migration20261202200000', class: Migration20261202200000 },
  { name: 'Migration20261203120000', class: Migration20261203120000 },
];
