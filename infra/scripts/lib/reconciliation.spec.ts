import { describe, expect, it } from 'vitest';

import { formatTable, reconcile } from './reconciliation.mjs';

const belopp = (nettokostnadOre: number) => ({ nettokostnadOre, intakterOre: 100_00, kostnaderOre: nettokostnadOre + 100_00 });

/** A round of two ansvar: A saved twice (versions 1 and 2), B once; everything kept and applied once. */
function enRunda() {
  const kvitton = [
    { ansvar: 'A', version: 1, andring: 1, ...belopp(1_000_01) },
    { ansvar: 'A', version: 2, andring: 2, ...belopp(1_500_37) },
    { ansvar: 'B', version: 1, andring: 1, ...belopp(2_000_99) },
  ];
  return {
    kvitton,
    versioner: new Map([
      [
        'A',
        [
          { version: 1, ...belopp(1_000_01) },
          { version: 2, ...belopp(1_500_37) },
        ],
      ],
      ['B', [{ version: 1, ...belopp(2_000_99) }]],
    ]),
    aktuella: new Map([
      ['A', { andring: 2, version: 2, status: 'klarmarkerad', nettokostnadOre: 1_500_37 }],
      ['B', { andring: 1, version: 1, status: 'klarmarkerad', nettokostnadOre: 2_000_99 }],
    ]),
    rapport: new Map([
      ['A', { prognosOre: 1_500_37, raknas: true }],
      ['B', { prognosOre: 2_000_99, raknas: true }],
    ]),
    stad: 1_500_37 + 2_000_99,
    handelser: [
      { eventId: 'e1', ansvar: 'A', andring: 1 },
      { eventId: 'e2', ansvar: 'A', andring: 2 },
      { eventId: 'e3', ansvar: 'B', andring: 1 },
      // Redelivered after a consumer died before committing its offset: the same event again.
      { eventId: 'e3', ansvar: 'B', andring: 1 },
    ],
    tillampade: new Map([
      ['e1', 1],
      ['e2', 1],
      ['e3', 1],
    ]),
    deadLetters: { 'tertial.forecast.helarsprognos-andrad.v1.dlt': 0 },
  };
}

describe('reconciling a forecast round after the faults', () => {
  it('passes a round where every acknowledged submission is kept, to the öre, and every event applied once', () => {
    const resultat = reconcile(enRunda());
    expect(resultat).toEqual({ kvitterade: 3, forlorade: [], dubbla: [], deadLetters: 0, ejKvitterade: 0, ok: true });
  });

  it('fails on an acknowledged version the forecast service does not have (lost in the forecast service)', () => {
    const runda = enRunda();
    runda.versioner.set('A', [{ version: 1, ...belopp(1_000_01) }]);
    runda.aktuella.set('A', { andring: 1, version: 1, status: 'klarmarkerad', nettokostnadOre: 1_000_01 });
    const resultat = reconcile(runda);
    expect(resultat.ok).toBe(false);
    expect(resultat.forlorade).toEqual([
      { ansvar: 'A', vad: 'version 2 kvitterades men finns inte i prognostjänsten' },
      { ansvar: 'A', vad: 'prognostjänstens aktuella är ändring 1, den senast kvitterade 2' },
    ]);
  });

  it("fails when the report service still has an earlier version's figure (the last event lost on the way)", () => {
    const runda = enRunda();
    runda.rapport.set('A', { prognosOre: 1_000_01, raknas: true });
    runda.tillampade.delete('e2');
    const resultat = reconcile(runda);
    expect(resultat.ok).toBe(false);
    expect(resultat.forlorade).toEqual([
      { ansvar: 'A', vad: 'rapporttjänsten har 100001 öre, prognostjänsten 150037' },
      { ansvar: 'A', vad: 'händelsen e2 tillämpades aldrig av rapporttjänsten' },
    ]);
    expect(resultat.dubbla).toEqual([]);
  });

  it('fails on a submission counted twice in the report, and on an event applied twice', () => {
    const runda = enRunda();
    runda.rapport.set('B', { prognosOre: 2 * 2_000_99, raknas: true });
    runda.tillampade.set('e3', 2);
    const resultat = reconcile(runda);
    expect(resultat.ok).toBe(false);
    expect(resultat.forlorade).toEqual([]);
    expect(resultat.dubbla).toEqual([
      { ansvar: 'B', vad: 'rapporttjänsten har 400198 öre, prognostjänsten 200099' },
      { ansvar: 'B', vad: 'händelsen e3 tillämpades 2 gånger' },
    ]);
  });

  it('fails on one change published as two events, and on a city total above the sum of its ansvar', () => {
    const runda = enRunda();
    runda.handelser.push({ eventId: 'e4', ansvar: 'A', andring: 2 });
    runda.tillampade.set('e4', 1);
    runda.stad += 1_500_37;
    const resultat = reconcile(runda);
    expect(resultat.ok).toBe(false);
    expect(resultat.dubbla).toEqual([
      { ansvar: 'stad', vad: 'stadens prognos är 500173 öre, summan av ansvarens 350136' },
      { ansvar: 'A', vad: 'ändring 2 publicerades som 2 händelser' },
    ]);
  });

  it('fails on an event the outbox marked as sent that is not in the log, even when a later one covers its figures', () => {
    const runda = {
      ...enRunda(),
      skickade: [
        { eventId: 'e1', ansvar: 'A' },
        { eventId: 'e0', ansvar: 'A' },
      ],
    };
    const resultat = reconcile(runda);
    expect(resultat.ok).toBe(false);
    expect(resultat.forlorade).toEqual([{ ansvar: 'A', vad: 'händelsen e0 räknas som skickad men finns inte i topicen' }]);
  });

  it('fails on a dead letter, even with nothing lost', () => {
    const resultat = reconcile({ ...enRunda(), deadLetters: { 'tertial.forecast.helarsprognos-andrad.v1.dlt': 1 } });
    expect(resultat).toMatchObject({ forlorade: [], dubbla: [], deadLetters: 1, ok: false });
  });

  it('accepts a newer version stored without its answer reaching the client, and holds the report to that one', () => {
    const runda = enRunda();
    runda.versioner.get('B')!.push({ version: 2, ...belopp(2_222_22) });
    runda.aktuella.set('B', { andring: 2, version: 2, status: 'klarmarkerad', nettokostnadOre: 2_222_22 });
    runda.handelser.push({ eventId: 'e5', ansvar: 'B', andring: 2 });
    runda.tillampade.set('e5', 1);
    expect(reconcile(runda)).toMatchObject({
      ok: false,
      forlorade: [{ ansvar: 'B', vad: 'rapporttjänsten har 200099 öre, prognostjänsten 222222' }],
    });
    runda.rapport.set('B', { prognosOre: 2_222_22, raknas: true });
    runda.stad = 1_500_37 + 2_222_22;
    expect(reconcile(runda)).toMatchObject({ ok: true, ejKvitterade: 1 });
  });

  it('fails on amounts stored other than acknowledged', () => {
    const runda = enRunda();
    runda.versioner.set('B', [{ version: 1, ...belopp(2_000_98) }]);
    expect(reconcile(runda).forlorade).toEqual([{ ansvar: 'B', vad: 'version 1 kvitterades med 200099 öre men är sparad med 200098' }]);
  });

  it('prints the faults with their recovery times, and the totals', () => {
    const tabell = formatTable({
      variant: 'one broker',
      fel: [
        { fel: 'SIGKILL forecast', vid: 12_300, aterhamtadEfter: 8_460 },
        { fel: 'PostgreSQL stopped 10 s', vid: 40_000, aterhamtadEfter: null },
      ],
      resultat: reconcile(enRunda()),
    });
    expect(tabell.split('\n')).toEqual([
      'Fault suite, one broker: nothing lost, nothing doubled',
      '| fault                   | injected at | recovered after |',
      '|-------------------------|-------------|-----------------|',
      '| SIGKILL forecast        |      12.3 s |           8.5 s |',
      '| PostgreSQL stopped 10 s |      40.0 s |           never |',
      '',
      'faults injected           2',
      'submissions acknowledged  3',
      'lost                      0',
      'doubled                   0',
      'dead letters              0',
      'stored, answer cut off    0',
    ]);
  });
});
