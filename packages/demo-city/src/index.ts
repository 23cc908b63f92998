export * from './kontoplan.js';
export * from './namnder.js';
export * from './stad.js';
export * from './bolag.js';
export * from './forra-aret.js';
