import 'reflect-metadata';

import { loadServiceConfig, startService } from '@tertial/service-kit';

import { ForecastModule } from './forecast.module.js';

const config = loadServiceConfig('forecast');
await startService(config, ForecastModule.forRoot(config), 'Helårsprognoser: chefernas prognos för helåret per ansvar och kontogrupp.');
