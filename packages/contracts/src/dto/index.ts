export * from './budget.js';
export * from './helarsprognos.js';
export * from './mal.js';
export * from './prognos-totaler.js';
export * from './utfall.js';
export * from './uppfoljning.js';
