import { useEffect, useId, useRef, useState } from 'react';

import { ApiFel } from '../api/hamta-json.js';
import { Felmeddelande } from '../sida/meddelanden.js';
import { Sidrubrik } from '../sida/sidrubrik.js';
import { ImportResultat } from './import-resultat.js';
import { laddaUppUtfall } from './ladda-upp-utfall.js';
import { FILTYPER, formatStorlek, statustext, type Importsvar } from './utfall-import.js';

type Lage =
  | { typ: 'vilar' }
  | { typ: 'laser'; provkorning: boolean; fil: File; startad: number; avbryt: AbortController }
  | { typ: 'klar'; svar: Importsvar }
  | { typ: 'fel'; fel: Error; provkorning: boolean }
  | { typ: 'avbruten'; provkorning: boolean };

function useSekunderSedan(startad: number | undefined): number {
  const [nu, setNu] = useState(() => Date.now());
  useEffect(() => {
    if (startad === undefined) return;
    // Until the first tick `nu` is from before the start, which the clamp below reads as 0 seconds.
    const klocka = setInterval(() => setNu(Date.now()), 1_000);
    return () => clearInterval(klocka);
  }, [startad]);
  return startad === undefined ? 0 : Math.max(0, Math.floor((nu - startad) / 1_000));
}

function Status({ lage }: { lage: Lage }) {
  switch (lage.typ) {
    case 'vilar':
      return null;
    case 'laser':
      return (
        <>
          {lage.provkorning ? 'Provkör' : 'Importerar'}: läser in {formatStorlek(lage.fil.size)} …
        </>
      );
    case 'klar':
      return <>{statustext(lage.svar.resultat)}</>;
    case 'fel':
      return <>{lage.provkorning ? 'Provkörningen' : 'Importen'} kunde inte genomföras.</>;
    case 'avbruten':
      return lage.provkorning ? (
        <>Provkörningen avbröts.</>
      ) : (
        <>Importen avbröts. Hann filen skickas kan den ändå ha importerats; provkör eller kontrollera innan du importerar igen.</>
      );
  }
}

function statusnyckel(lage: Lage): string {
  if (lage.typ === 'klar') return lage.svar.resultat.status;
  return lage.typ;
}

/**
 * Upload of a month's utfall from the ERP as SIE 4 or CSV: a dry run checks the file and shows what it would
 * import, an import stores it. A refused file lists every error with its line.
 */
export function UtfallImportSida() {
  const [fil, setFil] = useState<File | null>(null);
  const [saknarFil, setSaknarFil] = useState(false);
  // Each try without a file; the field takes focus once its message is drawn, so a screen reader reads it.
  const [forsokUtanFil, setForsokUtanFil] = useState(0);
  const [lage, setLage] = useState<Lage>({ typ: 'vilar' });
  const filfalt = useRef<HTMLInputElement>(null);
  const filId = useId();
  const hjalpId = useId();
  const felId = useId();
  const sekunder = useSekunderSedan(lage.typ === 'laser' ? lage.startad : undefined);
  const laser = lage.typ === 'laser';

  // Leaving the page stops an upload under way; its answer would have nowhere to go.
  const pagaende = useRef<AbortController | null>(null);
  useEffect(() => () => pagaende.current?.abort(), []);

  useEffect(() => {
    if (forsokUtanFil > 0) filfalt.current?.focus();
  }, [forsokUtanFil]);

  const starta = async (provkorning: boolean) => {
    if (laser) return;
    if (!fil) {
      setSaknarFil(true);
      setForsokUtanFil((antal) => antal + 1);
      return;
    }
    const avbryt = new AbortController();
    pagaende.current = avbryt;
    setLage({ typ: 'laser', provkorning, fil, startad: Date.now(), avbryt });
    try {
      const svar = await laddaUppUtfall(fil, provkorning, avbryt.signal);
      setLage({ typ: 'klar', svar });
    } catch (fel) {
      if (avbryt.signal.aborted) setLage({ typ: 'avbruten', provkorning });
      else setLage({ typ: 'fel', fel: fel instanceof Error ? fel : new ApiFel(0, 'Något gick fel', undefined), provkorning });
    } finally {
      if (pagaende.current === avbryt) pagaende.current = null;
    }
  };

  return (
    <>
      <Sidrubrik titel="Importera utfall" />

      <section aria-labelledby="utfall-fil-rubrik">
        <h2 id="utfall-fil-rubrik">Fil från ekonomisystemet</h2>
        <p className="ingress">
          Läs in utfall som SIE 4 (filändelse .se, .si eller .sie) eller som CSV. Provkör först: då kontrolleras filen och du ser vad som
          skulle importeras, utan att något sparas.
        </p>
        <div className="falt">
          <label htmlFor={filId}>Fil med utfall</label>
          <input
            ref={filfalt}
            id={filId}
            type="file"
            accept={FILTYPER}
            aria-describedby={saknarFil ? `${felId} ${hjalpId}` : hjalpId}
            aria-invalid={saknarFil || undefined}
            onChange={(event) => {
              setFil(event.target.files?.[0] ?? null);
              setSaknarFil(false);
            }}
            data-testid="utfall-fil"
          />
          {saknarFil ? (
            <p id={felId} className="falt__fel">
              Välj en fil först.
            </p>
          ) : null}
          <p id={hjalpId} className="falt__hjalp">
            {fil ? `Vald fil: ${fil.name}, ${formatStorlek(fil.size)}.` : 'SIE 4 i PC8 (CP437), UTF-8 eller ISO-8859-1, eller CSV.'}
          </p>
        </div>
        <div className="knappar">
          {/* aria-disabled rather than disabled: the button keeps focus while the file is read. */}
          <button type="button" aria-disabled={laser || undefined} onClick={() => void starta(true)} data-testid="utfall-provkor">
            Provkör
          </button>
          <button
            type="button"
            className="knapp--sekundar"
            aria-disabled={laser || undefined}
            onClick={() => void starta(false)}
            data-testid="utfall-importera"
          >
            Importera
          </button>
          {lage.typ === 'laser' ? (
            <button type="button" className="knapp--sekundar" onClick={() => lage.avbryt.abort()} data-testid="utfall-avbryt">
              Avbryt
            </button>
          ) : null}
        </div>
        <div className="importstatus">
          {/* Always in the page, so a screen reader reads each new state out. */}
          <p role="status" data-status={statusnyckel(lage)} data-testid="import-status">
            <Status lage={lage} />
          </p>
          {laser ? (
            <p className="importstatus__tid" aria-hidden="true">
              {sekunder} s
            </p>
          ) : null}
        </div>
      </section>

      {lage.typ === 'fel' ? <Felmeddelande rubrik="Filen kunde inte läsas in" fel={lage.fel} /> : null}
      {lage.typ === 'klar' ? <ImportResultat svar={lage.svar} /> : null}
    </>
  );
}
