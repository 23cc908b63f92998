export * from './namndstaplar.js';
export * from './resultatvag.js';
export * from './stil.js';
export * from './trend.js';
export * from './vattenfall.js';
