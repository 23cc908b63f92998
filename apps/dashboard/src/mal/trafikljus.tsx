import type { Bedomning } from '@tertial/contracts/dto';

import { TRAFIKLJUS } from './mal.js';

/** An assessment's traffic light: its shape and its word beside the color, so the color is never the only cue. */
export function Trafikljus({ bedomning, testId = 'trafikljus' }: { bedomning: Bedomning | null; testId?: string }) {
  const nyckel = bedomning ?? 'ej-beslutad';
  const ljus = TRAFIKLJUS[nyckel];
  return (
    <span className={`trafikljus trafikljus--${ljus.klass}`} data-testid={testId} data-bedomning={nyckel}>
      <span className="trafikljus__tecken" aria-hidden="true">
        {ljus.tecken}
      </span>
      {ljus.namn}
    </span>
  );
}
