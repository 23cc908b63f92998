export * from './demo-anvandare.js';
export * from './hamta-token.js';
export * from './lokal-leverantor.js';
