import 'reflect-metadata';

import { loadServiceConfig, startService } from '@tertial/service-kit';

import { BudgetModule } from './budget.module.js';

const config = loadServiceConfig('budget');
await startService(config, BudgetModule.forRoot(config), 'Stadens ekonomiska grunddata: organisation, konton, budget och utfall.');
