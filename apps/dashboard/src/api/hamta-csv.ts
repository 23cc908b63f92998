import { useState } from 'react';

import { anropaApi } from './anrop.js';
import { ApiFel } from './api-fel.js';

export type CsvLage = 'vilar' | 'hamtar' | 'klar' | 'nekad' | 'fel';

/** What a status region says while a CSV file is fetched, for each state. */
export const CSV_STATUS: Record<CsvLage, string> = {
  vilar: '',
  hamtar: 'Hämtar CSV-filen…',
  klar: 'CSV-filen är hämtad.',
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
 * Downloads a CSV export. A plain download link cannot carry the access token, so the file is fetched with it and
 * then handed to the browser to save; the state says how it went (for a status region, {@link CSV_STATUS}).
 */
export function useHamtaCsv(): { lage: CsvLage; hamta: (url: string, filnamn: string) => Promise<void> } {
  const [lage, setLage] = useState<CsvLage>('vilar');
  const hamta = async (url: string, filnamn: string) => {
    if (lage === 'hamtar') return;
    setLage('hamtar');
    try {
      const svar = await anropaApi(url, { headers: { accept: 'text/csv' } });
      if (svar.status === 403) return setLage('nekad');
      if (!svar.ok) return setLage('fel');
      sparaFil(await svar.blob(), filnamn);
      setLage('klar');
    } catch (fel) {
      setLage(fel instanceof ApiFel && fel.arNekad ? 'nekad' : 'fel');
    }
  };
  return { lage, hamta };
}
