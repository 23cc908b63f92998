import type { Principal } from '@tertial/service-kit';

/** Who made a change, as the contracts carry it. */
export const personAv = (principal: Principal) => ({ id: principal.id, namn: principal.namn });

/** Today's date, `YYYY-MM-DD`, and its year. */
export const idag = (nu = new Date()) => nu.toISOString().slice(0, 10);
export const iAr = (nu = new Date()) => nu.getUTCFullYear();
