export * from './belopp.js';
export * from './cp437.js';
export * from './encoding.js';
export * from './generate-sie4.js';
export * from './read-sie4.js';
export * from './read-utfall-csv.js';
export * from './tokenize.js';
export * from './types.js';
