import type { ReactNode } from 'react';

import { ApiFel } from '../api/hamta-json.js';

/** While something is fetched. */
export function Laddar({ children }: { children: ReactNode }) {
  return (
    <p className="meddelande" role="status">
      {children}
    </p>
  );
}

/** Nothing to show yet, and why, or what to do. */
export function Tomt({ rubrik, children, testId }: { rubrik: string; children?: ReactNode; testId?: string }) {
  return (
    <div className="meddelande meddelande--tomt" data-testid={testId}>
      <p>{rubrik}</p>
      {children ? <p className="meddelande__detalj">{children}</p> : null}
    </div>
  );
}

interface FelProps {
  /** What could not be done: "Det gick inte att hämta budgeten". */
  rubrik: string;
  fel: Error;
  onForsokIgen?: () => void;
  /** The level of the heading, so the page's outline stays in order where the message sits in a section. */
  niva?: 2 | 3;
}

/** Shown in place of what the signed-in user may not see; asking again would not help, so no button. */
export function IngenBehorighet() {
  return (
    <div className="meddelande meddelande--tomt" role="status" data-testid="ingen-behorighet">
      <p>Du har inte behörighet att se det här.</p>
    </div>
  );
}

/**
 * A failed request, with the title and detail of the server's problem when it sent one; a 403 says only that
 * the user may not see it.
 */
export function Felmeddelande({ rubrik, fel, onForsokIgen, niva = 2 }: FelProps) {
  if (fel instanceof ApiFel && fel.arNekad) return <IngenBehorighet />;
  const titel = fel instanceof ApiFel ? fel.titel : 'Något gick fel';
  const detalj = fel instanceof ApiFel ? fel.detalj : undefined;
  const Rubrik = niva === 2 ? 'h2' : 'h3';
  return (
    <div className="meddelande meddelande--fel" role="alert">
      <Rubrik>{rubrik}</Rubrik>
      <p>{titel}</p>
      {detalj ? <p>{detalj}</p> : null}
      {onForsokIgen ? (
        <button type="button" onClick={onForsokIgen}>
          Försök igen
        </button>
      ) : null}
    </div>
  );
}
