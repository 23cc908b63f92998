import { arSchema } from '@tertial/contracts/prognos';

/** How many earlier years the year list offers; next year is offered too, since KF sets its frames in June. */
const TIDIGARE_AR = 4;

/** The budget year from the URL, or this year when it is missing or not a year. */
export function lasBudgetar(text: string | null, idag: Date): number {
  const ar = arSchema.safeParse(text !== null && /^\d{4}$/.test(text) ? Number(text) : undefined);
  return ar.success ? ar.data : idag.getFullYear();
}

/** The years to choose from, newest first: next year, this year and a few before, plus the chosen one if it lies outside. */
export function valbaraBudgetar(idag: Date, valtAr: number): number[] {
  const nastaAr = idag.getFullYear() + 1;
  const ar = Array.from({ length: TIDIGARE_AR + 2 }, (_, index) => nastaAr - index);
  if (!ar.includes(valtAr)) ar.push(valtAr);
  return ar.sort((a, b) => b - a);
}
