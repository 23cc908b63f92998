import { Link } from '@tanstack/react-router';

import type { Sida } from './sidor.js';

/**
 * The pages the signed-in user has use for; the current one is marked for screen readers (the router's
 * `aria-current="page"`) and, not by colour alone, on screen.
 */
export function Huvudmeny({ sidor }: { sidor: readonly Sida[] }) {
  return (
    <nav className="huvudmeny" aria-label="Huvudmeny">
      <ul className="huvudmeny__lista">
        {sidor.map((sida) => (
          <li key={sida.nyckel}>
            <Link to={sida.sokvag} className="huvudmeny__lank" activeOptions={{ exact: true, includeSearch: false }}>
              {sida.namn}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
