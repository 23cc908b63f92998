import { useEffect, useId, useRef } from 'react';

export interface Felrad {
  /** The id of the field the error belongs to; none for an error of the whole form. */
  faltId?: string;
  text: string;
}

/**
 * The errors of a form, listed above it, each a link to its field. It takes focus when it appears or changes, so a
 * screen reader reads it at once and a keyboard user goes from it to the field (WCAG 3.3.1, 3.3.3).
 */
export function Felsammanfattning({ rubrik, fel, testId }: { rubrik: string; fel: readonly Felrad[]; testId?: string }) {
  const rubrikId = useId();
  const ruta = useRef<HTMLDivElement>(null);
  const nyckel = fel.map((rad) => `${rad.faltId ?? ''}:${rad.text}`).join('|');
  useEffect(() => {
    if (nyckel !== '') ruta.current?.focus();
  }, [nyckel]);
  if (fel.length === 0) return null;
  return (
    <div ref={ruta} tabIndex={-1} className="meddelande meddelande--fel" aria-labelledby={rubrikId} data-testid={testId}>
      <h3 id={rubrikId}>{rubrik}</h3>
      <ul>
        {fel.map((rad) => (
          <li key={`${rad.faltId ?? ''}:${rad.text}`}>
            {rad.faltId ? (
              <a
                href={`#${rad.faltId}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(rad.faltId!)?.focus();
                }}
              >
                {rad.text}
              </a>
            ) : (
              rad.text
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
