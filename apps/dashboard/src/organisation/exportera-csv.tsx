import { CSV_STATUS, useHamtaCsv } from '../api/hamta-csv.js';
import { organisationCsvUrl } from './use-organisation.js';

/**
 * The organisation on a date as CSV. A plain download link cannot carry the access token, so the file is
 * fetched with it and then handed to the browser to save.
 */
export function ExporteraCsv({ datum }: { datum: string }) {
  const { lage, hamta } = useHamtaCsv();
  const exportera = () => hamta(organisationCsvUrl(datum), `organisation-${datum}.csv`);

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
        {CSV_STATUS[lage]}
      </p>
    </>
  );
}
