import { Tomt } from '../sida/meddelanden.js';
import { Sidrubrik } from '../sida/sidrubrik.js';

/** The fixed reports (delårsrapporter, årsredovisning) a council member reads; none are published yet. */
export function RapporterSida() {
  return (
    <>
      <Sidrubrik titel="Rapporter" />
      <Tomt rubrik="Det finns inga fastställda rapporter ännu" testId="inga-rapporter">
        Här visas delårsrapporter och årsredovisningen när de har fastställts.
      </Tomt>
    </>
  );
}
