import { InternLank } from './intern-lank.js';
import type { Sida, Sidnyckel } from './sidor.js';

/**
 * The pages the signed-in user has use for; the current one is marked for screen readers and, not by colour
 * alone, on screen.
 */
export function Huvudmeny({ sidor, aktiv }: { sidor: readonly Sida[]; aktiv: Sidnyckel | undefined }) {
  return (
    <nav className="huvudmeny" aria-label="Huvudmeny">
      <ul className="huvudmeny__lista">
        {sidor.map((sida) => (
          <li key={sida.nyckel}>
            <InternLank href={sida.sokvag} className="huvudmeny__lank" aria-current={sida.nyckel === aktiv ? 'page' : undefined}>
              {sida.namn}
            </InternLank>
          </li>
        ))}
      </ul>
    </nav>
  );
}
