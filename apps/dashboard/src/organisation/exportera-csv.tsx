import { useState } from 'react';

import { anropaApi } from '../api/anrop.js';
import { ApiFel } from '../api/api-fel.js';
import { organisationCsvUrl } from './use-organisation.js';

type Lage = 'vilar' | 'hamtar' | 'nekad' | 'fel';

const STATUS: Record<Lage, string> = {
  vilar: '',
  hamtar: 'Hämtar CSV-filen…',
  nekad: 'Du har inte behörighet att se det här.',
  fel: 'Det gick inte att hämta CSV-filen. Försök igen.',
};

/** Saves a file the browser already holds, under a name of our choosing. */
function sparaFil(innehall: Blob, filnamn: string): void {
  const url = URL.createObjectURL(innehall);
  const lank = document.createElement('a');
  lank.href = url;
  lank.download = filnamn;
  lank.click();
  // After the click the download has its own reference; give it a moment before letting go of ours.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The organisation on a date as CSV. A plain download link cannot carry the access token, so the file is
 * fetched with it and then handed to the browser to save.
 */
export function ExporteraCsv({ datum }: { datum: string }) {
  const [lage, setLage] = useState<Lage>('vilar');

  const exportera = async () => {
    if (lage === 'hamtar') return;
    setLage('hamtar');
    try {
      const svar = await anropaApi(organisationCsvUrl(datum), { headers: { accept: 'text/csv' } });
      if (svar.status === 403) return setLage('nekad');
      if (!svar.ok) return setLage('fel');
      sparaFil(await svar.blob(), `organisation-${datum}.csv`);
      setLage('vilar');
    } catch (fel) {
      setLage(fel instanceof ApiFel && fel.arNekad ? 'nekad' : 'fel');
    }
  };

  return (
    <>
      <button
        type="button"
        className="knapp--sekundar"
        aria-disabled={lage === 'hamtar' || undefined}
        onClick={() => void exportera()}
        data-testid="organisation-export"
      >
        Exportera som CSV
      </button>
      <p className="falt__hjalp" role="status">
        {STATUS[lage]}
      </p>
    </>
  );
}
