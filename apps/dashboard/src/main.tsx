import { konfigureraZod } from './zod-utan-eval.js';

// zod decides whether it may compile its parsers with `new Function` when a schema is built, and the
// contracts build theirs when their module is evaluated. A static import of the app would put those
// modules in chunks the bundler evaluates before this module's own code, so before the setting below;
// the app is therefore imported only after it.
konfigureraZod();
void import('./start.js');
