import type { AnchorHTMLAttributes } from 'react';

import { navigera } from './plats.js';
import { arVanligtKlick } from './sidor.js';

type Props = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

/**
 * A link to another page of the dashboard: a real link (it can be opened in a new tab, copied, bookmarked) that
 * on a plain click changes page without reloading.
 */
export function InternLank({ href, onClick, ...lank }: Props) {
  return (
    <a
      {...lank}
      href={href}
      onClick={(event) => {
        onClick?.(event);
        if (!arVanligtKlick(event) || lank.target) return;
        event.preventDefault();
        navigera(href);
      }}
    />
  );
}
