import { LiveStatusRad } from './live/live-status.js';
import { useLiveTotaler } from './live/use-live-totaler.js';
import { PrognosTotalerVy } from './prognos-totaler/prognos-totaler-vy.js';
import { UrvalVal } from './urval/urval-val.js';
import { useUrval } from './urval/use-urval.js';

const STAD = 'Helsingborgs stad';

export function App() {
  const [urval, valjUrval] = useUrval();
  const liveStatus = useLiveTotaler(urval);

  return (
    <>
      <a className="hoppa-till-innehall" href="#huvudinnehall">
        Hoppa till huvudinnehållet
      </a>
      <header className="sidhuvud">
        <div className="sidhuvud__inre">
          <p className="sidhuvud__produkt">Tertial</p>
          <p className="sidhuvud__stad">{STAD}</p>
        </div>
      </header>
      <main id="huvudinnehall" className="huvudinnehall" tabIndex={-1}>
        <div className="sidrubrik">
          <h1>
            Helårsprognos {urval.tillfalle} {urval.ar}
          </h1>
          <LiveStatusRad status={liveStatus} />
        </div>
        <UrvalVal urval={urval} onValj={valjUrval} />
        <PrognosTotalerVy urval={urval} />
      </main>
    </>
  );
}
