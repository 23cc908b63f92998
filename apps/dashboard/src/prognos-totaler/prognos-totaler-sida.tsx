import { LiveStatusRad } from '../live/live-status.js';
import { useLiveTotaler } from '../live/use-live-totaler.js';
import { Sidrubrik } from '../sida/sidrubrik.js';
import { UrvalVal } from '../urval/urval-val.js';
import { useUrval } from '../urval/use-urval.js';
import { PrognosTotalerVy } from './prognos-totaler-vy.js';

/** The start page: the city's helårsprognos per nämnd, kept live. The stream is open only while this page is. */
export function PrognosTotalerSida() {
  const [urval, valjUrval] = useUrval();
  const liveStatus = useLiveTotaler(urval);

  return (
    <>
      <Sidrubrik titel="Stadens prognos" rubrik={`Stadens helårsprognos ${urval.tillfalle} ${urval.ar}`}>
        <LiveStatusRad status={liveStatus} />
      </Sidrubrik>
      <UrvalVal urval={urval} onValj={valjUrval} />
      <PrognosTotalerVy urval={urval} />
    </>
  );
}
