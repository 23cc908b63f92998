import type { HelarsprognosDto } from '@tertial/contracts/dto';

import { statustext } from '../helarsprognoser.js';

export type Sparlage = { typ: 'sparar' } | { typ: 'sparad'; prognos: HelarsprognosDto } | { typ: 'ej-sparad'; andrad: boolean };

const klockslag = new Intl.DateTimeFormat('sv-SE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Stockholm' });

/** "Sparad kl. 14:02 (version 3)": the time in Swedish time, as the chef's clock shows it. */
export function sparadText(prognos: Pick<HelarsprognosDto, 'sparadAt' | 'version' | 'status'>): string {
  return `Sparad kl. ${klockslag.format(new Date(prognos.sparadAt))} (version ${prognos.version}, ${statustext(prognos.status).toLocaleLowerCase('sv')})`;
}

/** The save indicator, a live region: a screen reader hears "Sparar…" and then what became of it. */
export function Sparstatus({ lage }: { lage: Sparlage }) {
  const text =
    lage.typ === 'sparar'
      ? 'Sparar…'
      : lage.typ === 'sparad'
        ? sparadText(lage.prognos)
        : lage.andrad
          ? 'Ej sparad: du har ändringar som inte är sparade.'
          : 'Ej sparad.';
  return (
    <p className="sparstatus" role="status" data-testid="sparstatus" data-lage={lage.typ}>
      {text}
    </p>
  );
}
