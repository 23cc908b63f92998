import type { LiveStatus } from './use-live-totaler.js';

const TEXT: Record<LiveStatus, string> = {
  ansluter: 'Ansluter…',
  direkt: 'Uppdateras direkt',
  ateransluter: 'Återansluter…',
  stoppad: 'Uppdateras inte direkt',
};

/** A small, politely announced note on whether new forecasts show up by themselves. The dot only repeats the text. */
export function LiveStatusRad({ status }: { status: LiveStatus }) {
  return (
    <p className="live-status" data-status={status} data-testid="live-status" role="status" aria-live="polite">
      <span className="live-status__punkt" aria-hidden="true" />
      {TEXT[status]}
    </p>
  );
}
