import 'reflect-metadata';

import { loadServiceConfig, startService } from '@tertial/service-kit';

import { ReportModule } from './report.module.js';

const config = loadServiceConfig('report');
await startService(config, ReportModule.forRoot(config), 'Rapporter: helårsprognos, utfall och budget summerade per nämnd och för staden.');
