// The fault suite's reconciliation (npm run chaos): what the forecast service acknowledged during a round, held
// against what it and the report service kept, in the manner of Jepsen's checkers. Plain functions over plain data,
// so that a loss or a double can be shown to fail it (reconciliation.spec.ts).

/**
 * @typedef {{ ansvar: string, version: number, andring: number, nettokostnadOre: number, intakterOre: number, kostnaderOre: number }} Kvitto
 *   a submission the forecast service answered 2xx, with the amounts it answered
 * @typedef {{ version: number, nettokostnadOre: number, intakterOre: number, kostnaderOre: number }} Version
 * @typedef {{ andring: number, version: number, nettokostnadOre: number, status: string }} Aktuell
 * @typedef {{ prognosOre: number, raknas: boolean }} Rapportrad  an ansvar's figure in the report's roll-up, and whether it counts
 * @typedef {{ eventId: string, ansvar: string, andring: number }} Handelse  a record of the round's forecast events on the topic
 */

/**
 * Reconciles one round. Every input is what was read at the end, after the product had settled:
 * - `kvitton`: every acknowledged submission, in any order;
 * - `versioner`: ansvar → the versions the forecast service keeps of it; `aktuella`: ansvar → its current state there;
 * - `rapport`: ansvar → its figure in the report service's roll-up; `stad`: the roll-up's city total of the round;
 * - `handelser`: the records of the round's forecast events on the topic (a redelivered event appears twice);
 * - `tillampade`: eventId → how many times the report service's processed-event log holds it;
 * - `deadLetters`: dead-letter topic → records written to it during the run;
 * - `skickade`: the round's events the forecast service's outbox marked as sent (`{ eventId, ansvar }`).
 *
 * Returns `{ kvitterade, forlorade, dubbla, deadLetters, ejKvitterade, ok }`: `forlorade` (lost) and `dubbla` (doubled)
 * are lists of findings `{ ansvar, vad }` in words, `ejKvitterade` counts the ansvar whose newest version was stored
 * without its answer reaching the client (allowed: a request cut off by a fault), and `ok` is true only when nothing
 * was lost or doubled and no dead letter was written.
 * @param {{ kvitton: Kvitto[], versioner: Map<string, Version[]>, aktuella: Map<string, Aktuell>, rapport: Map<string, Rapportrad>,
 *   stad?: number, handelser: Handelse[], tillampade: Map<string, number>, deadLetters: Record<string, number>,
 *   skickade?: { eventId: string, ansvar: string }[] }} runda */
export function reconcile({ kvitton, versioner, aktuella, rapport, stad, handelser, tillampade, deadLetters, skickade = [] }) {
  const forlorade = [];
  const dubbla = [];
  const senaste = new Map();
  for (const kvitto of kvitton) {
    if ((senaste.get(kvitto.ansvar)?.andring ?? 0) < kvitto.andring) senaste.set(kvitto.ansvar, kvitto);
    // Every acknowledged submission is kept by the forecast service, with the amounts it answered.
    const sparad = versioner.get(kvitto.ansvar)?.find((version) => version.version === kvitto.version);
    if (!sparad) forlorade.push({ ansvar: kvitto.ansvar, vad: `version ${kvitto.version} kvitterades men finns inte i prognostjänsten` });
    else if (!sammaBelopp(sparad, kvitto)) {
      forlorade.push({
        ansvar: kvitto.ansvar,
        vad: `version ${kvitto.version} kvitterades med ${kvitto.nettokostnadOre} öre men är sparad med ${sparad.nettokostnadOre}`,
      });
    }
  }

  let ejKvitterade = 0;
  let summa = 0;
  for (const [ansvar, kvitto] of senaste) {
    const aktuell = aktuella.get(ansvar);
    // The newest version is the last acknowledged one, or a later one whose answer a fault cut off; never an older one.
    if (!aktuell || aktuell.andring < kvitto.andring) {
      forlorade.push({
        ansvar,
        vad: `prognostjänstens aktuella är ändring ${aktuell?.andring ?? 'ingen'}, den senast kvitterade ${kvitto.andring}`,
      });
      continue;
    }
    if (aktuell.andring > kvitto.andring) ejKvitterade += 1;
    const vantat = aktuell.andring === kvitto.andring ? kvitto.nettokostnadOre : aktuell.nettokostnadOre;
    summa += vantat;
    // The report service's figure for the ansvar equals it, to the öre.
    const rad = rapport.get(ansvar);
    if (!rad?.raknas) forlorade.push({ ansvar, vad: `rapporttjänsten räknar ingen prognos för ansvaret (väntat ${vantat} öre)` });
    else if (rad.prognosOre !== vantat) {
      const skillnad = rad.prognosOre - vantat;
      // Twice the submission's amount (or an earlier one's added) reads as a double; anything else as a loss.
      (skillnad !== 0 && rad.prognosOre === 2 * vantat ? dubbla : forlorade).push({
        ansvar,
        vad: `rapporttjänsten har ${rad.prognosOre} öre, prognostjänsten ${vantat}`,
      });
    }
  }
  // The city's roll-up is the sum of its ansvar: an event counted twice there shows even where each ansvar looks right.
  if (stad !== undefined && stad !== summa && forlorade.length === 0) {
    (stad > summa ? dubbla : forlorade).push({ ansvar: 'stad', vad: `stadens prognos är ${stad} öre, summan av ansvarens ${summa}` });
  }

  // One change of a forecast is one event: the same change under two event ids would be applied twice.
  const perAndring = new Map();
  for (const { eventId, ansvar, andring } of handelser) {
    const nyckel = `${ansvar}#${andring}`;
    (perAndring.get(nyckel) ?? perAndring.set(nyckel, { ansvar, andring, ids: new Set() }).get(nyckel)).ids.add(eventId);
  }
  for (const { ansvar, andring, ids } of perAndring.values()) {
    if (ids.size > 1) dubbla.push({ ansvar, vad: `ändring ${andring} publicerades som ${ids.size} händelser` });
  }
  // Every event the forecast service's outbox counts as sent is in the log (acknowledged by the broker, so kept there).
  const iLoggen = new Set(handelser.map((handelse) => handelse.eventId));
  for (const { eventId, ansvar } of skickade) {
    if (!iLoggen.has(eventId)) forlorade.push({ ansvar, vad: `händelsen ${eventId} räknas som skickad men finns inte i topicen` });
  }
  // Each event applied exactly once by the report service: none left out, none twice.
  for (const [eventId, ansvar] of new Map(handelser.map((handelse) => [handelse.eventId, handelse.ansvar]))) {
    const ganger = tillampade.get(eventId) ?? 0;
    if (ganger === 0) forlorade.push({ ansvar, vad: `händelsen ${eventId} tillämpades aldrig av rapporttjänsten` });
    if (ganger > 1) dubbla.push({ ansvar, vad: `händelsen ${eventId} tillämpades ${ganger} gånger` });
  }

  const dodaBrev = Object.values(deadLetters).reduce((sum, antal) => sum + antal, 0);
  return {
    kvitterade: kvitton.length,
    forlorade,
    dubbla,
    deadLetters: dodaBrev,
    ejKvitterade,
    ok: forlorade.length === 0 && dubbla.length === 0 && dodaBrev === 0,
  };
}

function sammaBelopp(a, b) {
  return a.nettokostnadOre === b.nettokostnadOre && a.intakterOre === b.intakterOre && a.kostnaderOre === b.kostnaderOre;
}

/**
 * The table the suite prints: one row per fault (when it was injected, seconds into the round, and how long until
 * the product answered again), then the totals. `fel` is a list of `{ fel, vid, aterhamtadEfter }` in ms (null: never).
 */
export function formatTable({ variant, fel, resultat }) {
  const sekunder = (ms) => (ms === null || ms === undefined ? 'never' : `${(ms / 1000).toFixed(1)} s`);
  const rader = [['fault', 'injected at', 'recovered after'], ...fel.map((f) => [f.fel, sekunder(f.vid), sekunder(f.aterhamtadEfter)])];
  const bredd = rader[0].map((_, kolumn) => Math.max(...rader.map((rad) => rad[kolumn].length)));
  const linje = (rad) =>
    `| ${rad.map((cell, kolumn) => (kolumn === 0 ? cell.padEnd(bredd[kolumn]) : cell.padStart(bredd[kolumn]))).join(' | ')} |`;
  const total = [
    ['faults injected', String(fel.length)],
    ['submissions acknowledged', String(resultat.kvitterade)],
    ['lost', String(resultat.forlorade.length)],
    ['doubled', String(resultat.dubbla.length)],
    ['dead letters', String(resultat.deadLetters)],
    ['stored, answer cut off', String(resultat.ejKvitterade)],
  ];
  const totalBredd = Math.max(...total.map(([namn]) => namn.length));
  return [
    `Fault suite, ${variant}: ${resultat.ok ? 'nothing lost, nothing doubled' : 'FAILED'}`,
    linje(rader[0]),
    `|${bredd.map((b) => '-'.repeat(b + 2)).join('|')}|`,
    ...rader.slice(1).map(linje),
    '',
    ...total.map(([namn, varde]) => `${namn.padEnd(totalBredd)}  ${varde}`),
    ...[
      ...resultat.forlorade.map((f) => `lost: ${f.ansvar}: ${f.vad}`),
      ...resultat.dubbla.map((f) => `doubled: ${f.ansvar}: ${f.vad}`),
    ].slice(0, 20),
  ].join('\n');
}
