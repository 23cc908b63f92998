import type { KoladaImportResultat } from '@tertial/contracts/dto';
import { useId, useRef, useState } from 'react';

import { ApiFel } from '../api/hamta-json.js';
import { formatAntal, formatAntalAv } from '../format/antal.js';
import { useKoladaImport } from './use-mal.js';

const STATUSTEXT: Record<KoladaImportResultat['status'], string> = {
  provkord: 'Provkörning: filen går att importera. Inget har sparats.',
  importerad: 'Filen är importerad.',
  avvisad: 'Filen har fel form och importerades inte. Inget har sparats.',
};

function Resultat({ resultat }: { resultat: KoladaImportResultat }) {
  return (
    <div data-testid="kolada-resultat" data-status={resultat.status}>
      <p>
        <strong>{STATUSTEXT[resultat.status]}</strong>
      </p>
      <ul>
        <li>
          {formatAntalAv(resultat.sidor, 'sida', 'sidor')} med {formatAntalAv(resultat.varden, 'värde', 'värden')}, varav{' '}
          {formatAntal(resultat.saknade)} utan publicerat värde.
        </li>
        {resultat.egnaVarden.map((egna) => (
          <li key={egna.kpi}>
            {egna.kpi}: {formatAntalAv(egna.antal, 'eget värde', 'egna värden')}
            {egna.namn ? ` blir mätvärden för ${egna.namn}` : ' (inget nyckeltal har detta Kolada-id)'}
          </li>
        ))}
        {resultat.jamforelser.map((jamforelse) => (
          <li key={`j-${jamforelse.kpi}`}>
            {jamforelse.kpi}: {formatAntalAv(jamforelse.antal, 'jämförelsevärde', 'jämförelsevärden')} från{' '}
            {formatAntalAv(jamforelse.kommuner.length, 'kommun', 'kommuner')}
          </li>
        ))}
      </ul>
      {resultat.fel.length > 0 ? (
        <>
          <h3>Fel i filen</h3>
          <ul data-testid="kolada-fel">
            {resultat.fel.map((fel) => (
              <li key={`${fel.sokvag} ${fel.meddelande}`}>
                <code>{fel.sokvag}</code>: {fel.meddelande}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/**
 * A file of Kolada's data API responses (v2 or v3, one response or several pages): a dry run first shows what it
 * holds, and only then may it be imported. The city's own values become measurements, the others comparisons.
 */
export function KoladaImport() {
  const id = useId();
  const [fil, setFil] = useState<File | null>(null);
  const [saknarFil, setSaknarFil] = useState(false);
  const [provkord, setProvkord] = useState<File | null>(null);
  const filfalt = useRef<HTMLInputElement>(null);
  const importera = useKoladaImport();

  const starta = (provkorning: boolean) => {
    if (importera.isPending) return;
    if (!fil) {
      setSaknarFil(true);
      filfalt.current?.focus();
      return;
    }
    importera.mutate(
      { fil, provkorning },
      { onSuccess: (resultat) => setProvkord(provkorning && resultat.status === 'provkord' ? fil : null) },
    );
  };

  return (
    <section aria-labelledby={`${id}-rubrik`} className="kolada-import" data-testid="kolada-import">
      <h2 id={`${id}-rubrik`}>Importera från Kolada</h2>
      <p className="ingress">
        Läs in en fil med svar från Koladas API (version 2 eller 3). Provkör först: du ser vad filen innehåller innan något sparas.
      </p>
      <div className="falt">
        <label htmlFor={`${id}-fil`}>Kolada-fil (JSON)</label>
        <input
          ref={filfalt}
          id={`${id}-fil`}
          type="file"
          accept=".json,.ndjson,application/json"
          aria-invalid={saknarFil || undefined}
          aria-describedby={saknarFil ? `${id}-fel` : undefined}
          onChange={(event) => {
            setFil(event.target.files?.[0] ?? null);
            setSaknarFil(false);
            setProvkord(null);
            importera.reset();
          }}
          data-testid="kolada-fil"
        />
        {saknarFil ? (
          <p id={`${id}-fel`} className="falt__fel">
            Välj en fil först.
          </p>
        ) : null}
      </div>
      <div className="knappar">
        <button type="button" aria-disabled={importera.isPending || undefined} onClick={() => starta(true)} data-testid="kolada-provkor">
          Provkör
        </button>
        {/* Importing is offered only for the file just dry-run without errors. */}
        {provkord && provkord === fil ? (
          <button
            type="button"
            className="knapp--sekundar"
            aria-disabled={importera.isPending || undefined}
            onClick={() => starta(false)}
            data-testid="kolada-importera"
          >
            Importera
          </button>
        ) : null}
      </div>
      <div role="status">
        {importera.isPending ? <p>Läser filen …</p> : null}
        {importera.data ? <Resultat resultat={importera.data} /> : null}
      </div>
      {importera.error ? (
        <p className="meddelande meddelande--fel" role="alert">
          {importera.error instanceof ApiFel ? (importera.error.detalj ?? importera.error.titel) : 'Filen kunde inte läsas in.'}
        </p>
      ) : null}
    </section>
  );
}
