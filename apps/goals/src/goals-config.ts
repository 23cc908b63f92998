import { kommunkodSchema, HELSINGBORG_KOMMUNKOD } from '@tertial/contracts/dto';
import { z } from 'zod';

const envSchema = z.object({
  /** The city's own municipality code in Kolada: its values become measurements, every other municipality's comparisons. */
  TERTIAL_KOMMUNKOD: kommunkodSchema.default(HELSINGBORG_KOMMUNKOD),
});

export interface GoalsConfig {
  readonly kommunkod: string;
}

export const GOALS_CONFIG = Symbol('GOALS_CONFIG');

/** The goals service's own settings, validated once at start; a bad one stops the service naming the variable. */
export function loadGoalsConfig(env: NodeJS.ProcessEnv = process.env): GoalsConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const fel = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Ogiltig konfiguration för goals: ${fel}`);
  }
  return { kommunkod: parsed.data.TERTIAL_KOMMUNKOD };
}
