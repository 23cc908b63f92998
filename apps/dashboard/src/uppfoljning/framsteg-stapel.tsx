import type { Framsteg } from '@tertial/contracts/dto';

import { framstegsdelar, framstegstext, FRAMSTEGSSTEG } from './framsteg.js';

/**
 * A node's progress as a stacked bar, one part per status in the order a forecast passes through them, with the
 * same figures in text beside it: the colours only repeat what the words say.
 */
export function FramstegStapel({ framsteg, kompakt = false }: { framsteg: Framsteg; kompakt?: boolean }) {
  const delar = framstegsdelar(framsteg);
  return (
    <div className={kompakt ? 'framsteg framsteg--kompakt' : 'framsteg'}>
      <div className="framsteg__stapel" aria-hidden="true">
        {delar
          .filter((del) => del.antal > 0)
          .map((del) => (
            <span key={del.nyckel} className="framsteg__del" data-status={del.nyckel} style={{ flexGrow: del.antal }} />
          ))}
      </div>
      {kompakt ? null : (
        <p className="framsteg__text" data-testid="framsteg-text">
          {framstegstext(framsteg)}
        </p>
      )}
    </div>
  );
}

/** What the colours of the bars mean, once per page. */
export function FramstegForklaring() {
  return (
    <ul className="teckenforklaring framsteg-forklaring" aria-label="Färgerna i staplarna">
      {FRAMSTEGSSTEG.map(({ nyckel, namn }) => (
        <li key={nyckel}>
          <span className="framsteg__farg" data-status={nyckel} aria-hidden="true" />
          {namn.charAt(0).toLocaleUpperCase('sv') + namn.slice(1)}
        </li>
      ))}
    </ul>
  );
}
