import type { RapportDto } from '@tertial/contracts/dto';

import { formatKr, formatMnkr } from '@tertial/diagram/belopp';
import { PrognosTotalerTabell } from '../prognos-totaler/prognos-totaler-tabell.js';
import { rapportperiod } from './rapporter.js';

/** What a report says: the totals per nämnd as they stood when drafted, in the same table as the live figures. */
export function RapportInnehall({ rapport }: { rapport: RapportDto }) {
  const { innehall } = rapport;
  return (
    <>
      <p data-testid="rapport-nettokostnad">
        Nettokostnad för {innehall.stad.namn}: {formatMnkr(innehall.stad.nettokostnadOre)} ({formatKr(innehall.stad.nettokostnadOre)}).
      </p>
      <PrognosTotalerTabell
        totaler={innehall}
        rubrik={`${rapport.titel}: ${rapportperiod(innehall).toLowerCase()} per nämnd`}
        testId="rapport-tabell"
      />
    </>
  );
}
