import { InternLank } from './intern-lank.js';
import { SIDOR, type Sidnyckel } from './sidor.js';

/** The dashboard's pages; the current one is marked for screen readers and, not by colour alone, on screen. */
export function Huvudmeny({ aktiv }: { aktiv: Sidnyckel | undefined }) {
  return (
    <nav className="huvudmeny" aria-label="Huvudmeny">
      <ul className="huvudmeny__lista">
        {SIDOR.map((sida) => (
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
