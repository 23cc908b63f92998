import { BEDOMNINGAR, type Bedomning, type MalbedomningDto, type Uppfoljningstillfalle } from '@tertial/contracts/dto';
import { useEffect, useId, useRef, useState } from 'react';

import { ApiFel } from '../api/hamta-json.js';
import { bedomningsfalt, felIBedomning, TRAFIKLJUS, type Bedomningsfalt, type Bedomningsformular } from './mal.js';
import { useBedomMal } from './use-mal.js';

interface Props {
  malId: string;
  ar: number;
  tillfalle: Uppfoljningstillfalle;
  bedomning: MalbedomningDto;
}

/**
 * The processledare's assessment of a mål: the proposal (or the decision already made) chosen from the start, an
 * analysis always, a reason when the choice differs from the proposal. The goals service's answer names any bad
 * field, shown at the field.
 */
export function Bedomningsformular({ malId, ar, tillfalle, bedomning }: Props) {
  const id = useId();
  const forslag = bedomning.forslag.bedomning;
  const [formular, setFormular] = useState<Bedomningsformular>({
    bedomning: bedomning.beslut?.bedomning ?? forslag ?? '',
    analys: bedomning.beslut?.analys ?? '',
    motivering: bedomning.beslut?.motivering ?? '',
  });
  const [fel, setFel] = useState<Partial<Record<Bedomningsfalt, string>>>({});
  const [forsok, setForsok] = useState(0);
  const [kvittens, setKvittens] = useState('');
  const [allmantFel, setAllmantFel] = useState<string | null>(null);
  const falt = useRef<Partial<Record<Bedomningsfalt, HTMLElement | null>>>({});
  const bedom = useBedomMal(ar, tillfalle);
  const avviker = formular.bedomning !== '' && forslag !== null && formular.bedomning !== forslag;

  // After a refused try the first field in error takes focus, once its message is drawn.
  useEffect(() => {
    if (forsok === 0) return;
    const forsta = (['bedomning', 'analys', 'motivering'] as const).find((namn) => fel[namn]);
    if (forsta) falt.current[forsta]?.focus();
  }, [forsok, fel]);

  const andra = (andring: Partial<Bedomningsformular>) => {
    setFormular((fore) => ({ ...fore, ...andring }));
    setKvittens('');
  };

  const skicka = async () => {
    const klientfel = felIBedomning(formular, forslag);
    setAllmantFel(null);
    if (Object.keys(klientfel).length > 0 || formular.bedomning === '') {
      setFel(klientfel);
      setForsok((antal) => antal + 1);
      return;
    }
    setFel({});
    try {
      await bedom.mutateAsync({
        malId,
        request: { bedomning: formular.bedomning, analys: formular.analys, motivering: avviker ? formular.motivering : null },
      });
      setKvittens(`Bedömningen sparades: ${TRAFIKLJUS[formular.bedomning].namn.toLowerCase()}.`);
    } catch (orsak) {
      const serverfel: Partial<Record<Bedomningsfalt, string>> = {};
      if (orsak instanceof ApiFel) {
        for (const { field, message } of orsak.faltfel) {
          const namn = bedomningsfalt(field);
          if (namn) serverfel[namn] = message;
        }
      }
      if (Object.keys(serverfel).length > 0) {
        setFel(serverfel);
        setForsok((antal) => antal + 1);
      } else {
        setAllmantFel(orsak instanceof ApiFel ? (orsak.detalj ?? orsak.titel) : 'Bedömningen kunde inte sparas.');
      }
    }
  };

  const beskrivning = (namn: Bedomningsfalt, hjalp?: string) =>
    [fel[namn] ? `${id}-${namn}-fel` : null, hjalp].filter(Boolean).join(' ') || undefined;

  return (
    <form
      className="bedomningsformular"
      aria-labelledby={`${id}-rubrik`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void skicka();
      }}
      data-testid="bedomningsformular"
    >
      <h4 id={`${id}-rubrik`}>Din bedömning</h4>
      <div className="falt">
        <label htmlFor={`${id}-bedomning`}>Bedömning</label>
        <select
          id={`${id}-bedomning`}
          ref={(element) => {
            falt.current.bedomning = element;
          }}
          value={formular.bedomning}
          aria-invalid={fel.bedomning ? true : undefined}
          aria-describedby={beskrivning('bedomning', `${id}-bedomning-hjalp`)}
          onChange={(event) => andra({ bedomning: event.target.value as Bedomning | '' })}
          data-testid="bedomning-val"
        >
          {formular.bedomning === '' ? <option value="">Välj bedömning</option> : null}
          {BEDOMNINGAR.map((varde: Bedomning) => (
            <option key={varde} value={varde}>
              {TRAFIKLJUS[varde].tecken} {TRAFIKLJUS[varde].namn}
              {varde === forslag ? ' (förslaget)' : ''}
            </option>
          ))}
        </select>
        {fel.bedomning ? (
          <p id={`${id}-bedomning-fel`} className="falt__fel">
            {fel.bedomning}
          </p>
        ) : null}
        <p id={`${id}-bedomning-hjalp`} className="falt__hjalp">
          {forslag
            ? `Förslaget från nyckeltalen är ${TRAFIKLJUS[forslag].namn.toLowerCase()}.`
            : 'Målet följs upp med professionell bedömning.'}
        </p>
      </div>
      <div className="falt falt--bred">
        <label htmlFor={`${id}-analys`}>Analys</label>
        <textarea
          id={`${id}-analys`}
          ref={(element) => {
            falt.current.analys = element;
          }}
          rows={4}
          value={formular.analys}
          aria-invalid={fel.analys ? true : undefined}
          aria-describedby={beskrivning('analys', `${id}-analys-hjalp`)}
          onChange={(event) => andra({ analys: event.target.value })}
          data-testid="bedomning-analys"
        />
        {fel.analys ? (
          <p id={`${id}-analys-fel`} className="falt__fel">
            {fel.analys}
          </p>
        ) : null}
        <p id={`${id}-analys-hjalp`} className="falt__hjalp">
          Vad visar nyckeltalen, och varför? Minst 10 tecken.
        </p>
      </div>
      {avviker || fel.motivering ? (
        <div className="falt falt--bred">
          <label htmlFor={`${id}-motivering`}>Motivering till avvikelsen från förslaget</label>
          <textarea
            id={`${id}-motivering`}
            ref={(element) => {
              falt.current.motivering = element;
            }}
            rows={2}
            value={formular.motivering}
            aria-invalid={fel.motivering ? true : undefined}
            aria-describedby={beskrivning('motivering')}
            onChange={(event) => andra({ motivering: event.target.value })}
            data-testid="bedomning-motivering"
          />
          {fel.motivering ? (
            <p id={`${id}-motivering-fel`} className="falt__fel">
              {fel.motivering}
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="knappar">
        <button type="submit" aria-disabled={bedom.isPending || undefined} data-testid="bedomning-spara">
          {bedomning.beslut ? 'Spara ny bedömning' : 'Spara bedömning'}
        </button>
      </div>
      <p className={kvittens ? 'meddelande meddelande--kvittens' : undefined} role="status" data-testid="bedomning-kvittens">
        {kvittens}
      </p>
      {allmantFel ? (
        <p className="meddelande meddelande--fel" role="alert">
          {allmantFel}
        </p>
      ) : null}
    </form>
  );
}
