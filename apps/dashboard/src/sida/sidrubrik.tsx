import { useEffect, useRef, type ReactNode } from 'react';

import { taFokusbegaran } from '../navigering/plats.js';

const PRODUKT = 'Tertial';

interface Props {
  /** The page's name, for the browser tab and history: "Budget – Tertial". */
  titel: string;
  /** The heading when it says more than the title, e.g. with the year chosen. */
  rubrik?: ReactNode;
  /** Shown beside the heading. */
  children?: ReactNode;
}

/**
 * A page's one h1, and its document title. After a change of page the heading takes focus, so a screen reader
 * announces where the reader has arrived and Tab continues from the top of the new page.
 */
export function Sidrubrik({ titel, rubrik, children }: Props) {
  const h1 = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${titel} – ${PRODUKT}`;
  }, [titel]);

  useEffect(() => {
    if (taFokusbegaran()) h1.current?.focus();
  }, []);

  return (
    <div className="sidrubrik">
      <h1 ref={h1} tabIndex={-1}>
        {rubrik ?? titel}
      </h1>
      {children}
    </div>
  );
}
