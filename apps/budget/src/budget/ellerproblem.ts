import { ProblemException } from '@tertial/service-kit';

import type { Validerat } from './validering.js';

/** A domain result as the API's answer: the value, or a 422 naming every field at fault (nothing stored). */
export function ellerProblem<T>(resultat: Validerat<T>, titel: string): T {
  if (resultat.ok) return resultat.varde;
  throw new ProblemException(
    422,
    titel,
    resultat.fel.map((fel) => fel.message).join('; '),
    resultat.fel.map((fel) => ({ field: fel.field, message: fel.message })),
  );
}
