import { z } from 'zod';

// The gateway's Content-Security-Policy forbids eval. Zod otherwise probes `new Function` when the contracts'
// schemas are built, and the browser reports that as a violation. Imported first in main.tsx, before any schema.
z.config({ jitless: true });
