import { ROLLNAMN } from '@tertial/contracts/access';
import { useState } from 'react';

import type { Anvandare } from './jwt.js';
import { loggaUt } from './session.js';

/** Who is signed in and in which role, and the way out. */
export function Anvandarmeny({ anvandare }: { anvandare: Anvandare }) {
  const [loggarUt, setLoggarUt] = useState(false);
  const roller = anvandare.roller.map((roll) => ROLLNAMN[roll]).join(', ') || 'Ingen roll i Tertial';

  return (
    <div className="anvandare">
      <p className="anvandare__vem" data-testid="inloggad-anvandare">
        <span className="visuellt-dold">Inloggad som </span>
        <span className="anvandare__namn">{anvandare.namn}</span>
        <span className="visuellt-dold">, </span>
        <span className="anvandare__roll" data-testid="inloggad-roll">
          {roller}
        </span>
      </p>
      <button
        type="button"
        className="anvandare__logga-ut"
        aria-disabled={loggarUt || undefined}
        onClick={() => {
          if (loggarUt) return;
          setLoggarUt(true);
          void loggaUt();
        }}
        data-testid="logga-ut"
      >
        Logga ut
      </button>
      <p className="visuellt-dold" role="status">
        {loggarUt ? 'Loggar ut…' : ''}
      </p>
    </div>
  );
}
