import 'reflect-metadata';

import { loadServiceConfig, startService } from '@tertial/service-kit';

import { GoalsModule } from './goals.module.js';

const config = loadServiceConfig('goals');
await startService(config, GoalsModule.forRoot(config), 'Mål och nyckeltal: nämndernas mål, deras nyckeltal och måluppfyllelse.');
