import { config } from 'zod/v4/core';

/**
 * The gateway's Content-Security-Policy forbids eval. Unless told it may not, zod probes `new Function('')`
 * when the first object schema is built, and the browser reports that as a CSP violation even though zod
 * catches the error. Called by main.tsx before anything that builds a schema is imported.
 */
export function konfigureraZod(): void {
  config({ jitless: true });
}
