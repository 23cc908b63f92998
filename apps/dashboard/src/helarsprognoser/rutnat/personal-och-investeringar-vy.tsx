import type { HelarsprognosUnderlag } from '@tertial/contracts/dto';
import { useId } from 'react';

import { formatForandring } from '@tertial/diagram/belopp';
import { beloppSomVisning, type Inmatningsenhet } from './belopp-inmatning.js';
import { formatArsarbetare, type Tillaggsberakning, type Tillaggsinmatning } from './personal-och-investeringar.js';

interface Props {
  underlag: Pick<HelarsprognosUnderlag, 'ar' | 'personal' | 'investeringar'>;
  inmatning: Tillaggsinmatning;
  berakning: Tillaggsberakning;
  enhet: Inmatningsenhet;
  redigerbar: boolean;
  onAndra: (inmatning: Tillaggsinmatning) => void;
}

const antal = (varde: number | null) => (varde === null ? '–' : formatArsarbetare(varde));

/**
 * Personnel (årsarbetare: budgeted, now, at year end) and the year's forecast of each investment project the ansvar
 * owns, beside the grid and saved with it in the same version.
 */
export function PersonalOchInvesteringar({ underlag, inmatning, berakning, enhet, redigerbar, onAndra }: Props) {
  const id = useId();
  const visa = (ore: number | null) => (ore === null ? '–' : beloppSomVisning(ore, enhet));
  const fel = berakning.fel;

  const personalfalt = (falt: 'personalNu' | 'personalPrognos', namn: 'personal.nu' | 'personal.prognos', etikett: string) => {
    const felId = `${id}-${namn}-fel`;
    return redigerbar ? (
      <>
        <input
          type="text"
          inputMode="decimal"
          autoComplete="off"
          className="belopp prognosrutnat__inmatning prognosrutnat__inmatning--smal"
          aria-label={etikett}
          aria-invalid={fel[namn] ? true : undefined}
          aria-describedby={fel[namn] ? felId : undefined}
          value={inmatning[falt]}
          onChange={(event) => onAndra({ ...inmatning, [falt]: event.target.value })}
          data-testid={namn}
        />
        {fel[namn] ? (
          <span id={felId} className="falt__fel prognosrutnat__fel">
            {fel[namn]}
          </span>
        ) : null}
      </>
    ) : (
      antal(falt === 'personalNu' ? underlag.personal.nu : underlag.personal.prognos)
    );
  };

  return (
    <section aria-labelledby={`${id}-rubrik`} className="personal-och-investeringar" data-testid="personal-och-investeringar">
      <h3 id={`${id}-rubrik`}>Personal och investeringar</h3>
      <div className="tabell-ram" role="region" aria-labelledby={`${id}-personal`} tabIndex={0}>
        <table className="tabell" data-testid="personaltabell">
          <caption id={`${id}-personal`}>
            Personal, årsarbetare
            <span className="caption__not">
              Budgeterat enligt verksamhetsbudgeten. Skriv antalet med högst en decimal, till exempel 12,5.
            </span>
          </caption>
          <thead>
            <tr>
              <th scope="col" className="tal">
                Budget
              </th>
              <th scope="col" className="tal">
                Föregående prognos
              </th>
              <th scope="col" className="tal">
                Nu
              </th>
              <th scope="col" className="tal">
                Vid årets slut
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td className="tal" data-testid="personal-budget">
                {antal(underlag.personal.budget)}
              </td>
              <td className="tal">{antal(underlag.personal.foregaendePrognos)}</td>
              <td className="tal prognosrutnat__cell">{personalfalt('personalNu', 'personal.nu', 'Årsarbetare nu')}</td>
              <td className="tal prognosrutnat__cell">
                {personalfalt('personalPrognos', 'personal.prognos', 'Årsarbetare vid årets slut, prognos')}
              </td>
            </tr>
          </tbody>
        </table>
      </div>

      {underlag.investeringar.length === 0 ? (
        <p className="svag" data-testid="inga-investeringar">
          Ansvaret äger inga investeringsprojekt med budget {underlag.ar}.
        </p>
      ) : (
        <div className="tabell-ram" role="region" aria-labelledby={`${id}-investeringar`} tabIndex={0}>
          <table className="tabell tabell--bred" data-testid="investeringstabell">
            <caption id={`${id}-investeringar`}>
              Investeringsprojekt {underlag.ar}, {enhet}
              <span className="caption__not">Avvikelse är budget − prognos: positivt betyder pengar kvar.</span>
            </caption>
            <thead>
              <tr>
                <th scope="col">Projekt</th>
                <th scope="col" className="tal">
                  Budget
                </th>
                <th scope="col" className="tal">
                  Utfall hittills
                </th>
                <th scope="col" className="tal">
                  Föregående prognos
                </th>
                <th scope="col" className="tal">
                  Din prognos
                </th>
                <th scope="col" className="tal">
                  Avvikelse
                </th>
              </tr>
            </thead>
            <tbody>
              {underlag.investeringar.map((projekt) => {
                const namn = `investeringar.${projekt.projekt}`;
                const felId = `${id}-${projekt.projekt}-fel`;
                const avvikelse = redigerbar ? (berakning.avvikelser[projekt.projekt] ?? null) : projekt.avvikelseOre;
                return (
                  <tr key={projekt.projekt} data-projekt={projekt.projekt}>
                    <th scope="row">
                      {projekt.namn}
                      <span className="tabell__underrubrik">{projekt.projekt}</span>
                    </th>
                    <td className="tal">{visa(projekt.budgetOre)}</td>
                    <td className="tal">{visa(projekt.utfallOre)}</td>
                    <td className="tal">{visa(projekt.foregaendePrognosOre)}</td>
                    <td className="tal prognosrutnat__cell">
                      {redigerbar ? (
                        <>
                          <input
                            type="text"
                            inputMode="decimal"
                            autoComplete="off"
                            className="belopp prognosrutnat__inmatning"
                            aria-label={`${projekt.namn}, din prognos ${underlag.ar} i ${enhet}`}
                            aria-invalid={fel[namn] ? true : undefined}
                            aria-describedby={fel[namn] ? felId : undefined}
                            value={inmatning.investeringar[projekt.projekt] ?? ''}
                            onChange={(event) =>
                              onAndra({
                                ...inmatning,
                                investeringar: { ...inmatning.investeringar, [projekt.projekt]: event.target.value },
                              })
                            }
                            data-testid="investeringsprognos"
                          />
                          {fel[namn] ? (
                            <span id={felId} className="falt__fel prognosrutnat__fel">
                              {fel[namn]}
                            </span>
                          ) : null}
                        </>
                      ) : (
                        visa(projekt.prognosOre)
                      )}
                    </td>
                    <td className="tal" data-testid="investering-avvikelse">
                      {avvikelse === null ? '–' : formatForandring(avvikelse, enhet, enhet === 'tkr' ? 1 : 0)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
