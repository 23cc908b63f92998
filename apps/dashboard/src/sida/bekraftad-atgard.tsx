import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface Props {
  /** `x` gives the test ids `x` (the first button), `x-bekrafta` (the question) and `x-ja`. */
  testId: string;
  knapptext: ReactNode;
  knappKlass?: string;
  fraga: ReactNode;
  jaText: ReactNode;
  /** While the action runs: the buttons do nothing. */
  upptagen: boolean;
  /** Runs the action; call `tillbaka` when it failed, to return to the first button with focus on it. */
  onJa: (tillbaka: () => void) => void;
}

/**
 * An action that cannot be undone, behind a second, explicit yes: the question takes focus, and "Avbryt" or a
 * failure gives it back to the button that asked.
 */
export function BekraftadAtgard({ testId, knapptext, knappKlass, fraga, jaText, upptagen, onJa }: Props) {
  const [bekraftar, setBekraftar] = useState(false);
  const ja = useRef<HTMLButtonElement>(null);
  const borja = useRef<HTMLButtonElement>(null);
  const aterFokus = useRef(false);
  const fragaId = useId();

  useEffect(() => {
    if (bekraftar) ja.current?.focus();
    else if (aterFokus.current) borja.current?.focus();
    aterFokus.current = false;
  }, [bekraftar]);

  const tillbaka = () => {
    aterFokus.current = true;
    setBekraftar(false);
  };

  if (!bekraftar) {
    return (
      <div className="knappar">
        <button ref={borja} type="button" className={knappKlass} onClick={() => setBekraftar(true)} data-testid={testId}>
          {knapptext}
        </button>
      </div>
    );
  }
  return (
    <div role="group" aria-labelledby={fragaId} data-testid={`${testId}-bekrafta`}>
      <p id={fragaId}>{fraga}</p>
      <div className="knappar">
        <button
          ref={ja}
          type="button"
          aria-disabled={upptagen || undefined}
          onClick={() => !upptagen && onJa(tillbaka)}
          data-testid={`${testId}-ja`}
        >
          {jaText}
        </button>
        <button type="button" className="knapp--sekundar" aria-disabled={upptagen || undefined} onClick={() => !upptagen && tillbaka()}>
          Avbryt
        </button>
      </div>
    </div>
  );
}
