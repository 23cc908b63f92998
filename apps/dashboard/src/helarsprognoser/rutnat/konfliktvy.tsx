import type { HelarsprognosUnderlag } from '@tertial/contracts/dto';
import { KONTOGRUPPER } from '@tertial/contracts/kontogrupper';
import { useEffect, useId, useRef } from 'react';

import { formatTidpunkt } from '../../format/tidpunkt.js';
import { beloppSomVisning, type Inmatningsenhet } from './belopp-inmatning.js';
import type { Rutnat } from './prognosrutnat.js';
import type { Versionslage } from './use-prognosrutnat.js';

interface Props {
  underlag: HelarsprognosUnderlag;
  /** The chef's grid as typed, not saved. */
  min: Rutnat;
  minKommentar: string;
  /** The version someone else saved meanwhile (the 412's `aktuell`). */
  deras: Versionslage;
  enhet: Inmatningsenhet;
  sparar: boolean;
  onTaDeras: () => void;
  onBehallMin: () => void;
}

/**
 * A save refused because someone saved a newer version meanwhile: both side by side, line by line, and the choice
 * to take theirs or to save one's own over it (with their version's ETag, so it is a deliberate overwrite).
 */
export function Konfliktvy({ underlag, min, minKommentar, deras, enhet, sparar, onTaDeras, onBehallMin }: Props) {
  const id = useId();
  const rubrik = useRef<HTMLHeadingElement>(null);
  useEffect(() => rubrik.current?.focus(), []);
  const prognos = deras.prognos;
  const derasBelopp = new Map(prognos?.rader.map((rad) => [rad.kontogrupp, rad.beloppOre]) ?? []);
  const koder = KONTOGRUPPER.map((grupp) => grupp.kod).filter(
    (kod) => underlag.rader.some((rad) => rad.kontogrupp === kod) || derasBelopp.has(kod),
  );
  const visa = (ore: number | null | undefined) => (ore === null || ore === undefined ? '–' : beloppSomVisning(ore, enhet));
  const vem = prognos
    ? `Version ${prognos.version}, ${prognos.sparadAv?.namn ?? 'okänd'} ${formatTidpunkt(prognos.sparadAt)}`
    : 'Ingen version';

  return (
    <section className="konflikt" aria-labelledby={`${id}-rubrik`} data-testid="konflikt">
      <h3 id={`${id}-rubrik`} ref={rubrik} tabIndex={-1}>
        Någon har sparat en nyare version
      </h3>
      <p>
        Medan du arbetade sparade {prognos?.sparadAv?.namn ?? 'någon annan'} version {prognos?.version ?? '?'}. Ingenting av ditt är sparat
        ännu. Jämför och välj vilken som ska gälla.
      </p>
      <div className="tabell-ram" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table className="tabell" data-testid="konflikt-tabell">
          <caption id={`${id}-caption`}>Din version och den sparade, {enhet}</caption>
          <thead>
            <tr>
              <th scope="col">Kontogrupp</th>
              <th scope="col" className="tal">
                Din (ej sparad)
              </th>
              <th scope="col" className="tal">
                {vem}
              </th>
            </tr>
          </thead>
          <tbody>
            {koder.map((kod) => {
              const rad = min.rader.find((kandidat) => kandidat.kontogrupp === kod);
              const minOre = rad ? (rad.prognosOre ?? 0) : null;
              const derasOre = derasBelopp.get(kod) ?? (prognos ? 0 : null);
              return (
                <tr key={kod} data-kontogrupp={kod} data-skiljer={minOre !== derasOre || undefined}>
                  <th scope="row">{KONTOGRUPPER.find((grupp) => grupp.kod === kod)!.namn}</th>
                  <td className="tal" data-testid="min">
                    {rad?.fel ? 'går inte att läsa' : visa(minOre)}
                  </td>
                  <td className="tal" data-testid="deras">
                    {visa(derasOre)}
                  </td>
                </tr>
              );
            })}
            <tr>
              <th scope="row">Kommentar</th>
              <td>{minKommentar.trim() || '–'}</td>
              <td>{prognos?.kommentar ?? '–'}</td>
            </tr>
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Nettokostnad</th>
              <td className="tal">{visa(min.netto.prognosOre)}</td>
              <td className="tal">{visa(prognos?.nettokostnadOre)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <div className="knappar">
        <button type="button" className="knapp--sekundar" onClick={onTaDeras} data-testid="ta-deras">
          Ta deras version
        </button>
        <button type="button" aria-disabled={sparar || undefined} onClick={onBehallMin} data-testid="behall-min">
          Behåll min och spara över deras
        </button>
      </div>
    </section>
  );
}
