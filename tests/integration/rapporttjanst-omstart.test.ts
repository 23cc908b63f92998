import { randomUUID } from 'node:crypto';

import type { PrognosTotaler } from '@tertial/contracts/dto';
import { helarsprognosAndrad, type HelarsprognosAndradPayload } from '@tertial/contracts/events';
import { parseKronor } from '@tertial/contracts/money';
import { afterAll, describe, expect, inject, it } from 'vitest';

import { ALLA_ANSVAR, ansvarI } from '../support/demo.js';
import { freshDatabase, testDatabase, testPort } from '../support/global-setup.js';
import { eventually, startServiceProcess, type RunningService } from '../support/services.js';
import { testKafka } from '../support/kafka.js';
import { bearer } from '../support/tokens.js';

const stack = inject('stack');
const kafka = testKafka(stack.kafkaBrokers);

const [KS_1, KS_2] = ansvarI('KS') as [string, string];
const [SN_1] = ansvarI('SN') as [string];

describe('the report service killed and restarted', () => {
  // A report instance of this test's own (own database, own consumer group), so killing it disturbs no other test.
  let report: RunningService | undefined;
  afterAll(() => report?.stop('SIGTERM'));
  /** Each ansvar's changes in order, as the forecast service numbers them. */
  const andringar = new Map<string, number>();

  const start = async (databaseUrl: string) =>
    startServiceProcess('report', {
      port: testPort(3214),
      kafkaBrokers: stack.kafkaBrokers,
      databaseUrl,
      groupSuffix: `${stack.groupSuffix}-omstart`,
      logName: 'test-report-omstart',
      oidcIssuer: stack.oidcIssuer,
    });
  const totaler = async () => {
    const response = await fetch(`${report?.url}/prognos-totaler?ar=2036&tillfalle=augusti`, { headers: await bearer('ekonomidirektor') });
    return (await response.json()) as PrognosTotaler;
  };
  /** A chef marks a forecast ready: the forecast service publishes its whole state, the next change of the ansvar. */
  const lamna = async (ansvar: string, belopp: string) => {
    const andring = (andringar.get(ansvar) ?? 0) + 1;
    andringar.set(ansvar, andring);
    const payload: HelarsprognosAndradPayload = {
      prognosId: randomUUID(),
      ansvar,
      ar: 2036,
      tillfalle: 'augusti',
      version: andring,
      andring,
      status: 'klarmarkerad',
      rader: [{ kontogrupp: 'kop-av-verksamhet', beloppOre: parseKronor(belopp)! }],
      kommentar: null,
      beslutskommentar: null,
      andradAv: null,
      andradAt: new Date().toISOString(),
    };
    const envelope = {
      eventId: randomUUID(),
      type: helarsprognosAndrad.type,
      schemaVersion: helarsprognosAndrad.schemaVersion,
      occurredAt: new Date().toISOString(),
      producer: 'forecast',
      correlationId: randomUUID(),
      key: ansvar,
      payload,
    };
    await kafka.produce(helarsprognosAndrad.topic, [{ key: ansvar, value: JSON.stringify(envelope) }]);
  };

  it('catches up on what was published while it was down, without loss or double counting', async () => {
    const databaseUrl = await freshDatabase(stack.postgresUrl, testDatabase('test_report_omstart'));
    report = await start(databaseUrl);
    await lamna(KS_1, '1000.01');
    // A fresh instance reads every topic from the start: the organisation, every ansvar's budget, what other tests published.
    await eventually(totaler, (t) => t.stad.antalLamnade === 1 && t.stad.antalAnsvar === ALLA_ANSVAR.length, 300_000);

    await report.stop('SIGKILL');
    await lamna(KS_2, '2000.02');
    await lamna(SN_1, '3000.03');
    await lamna(KS_1, '1500.00'); // a new version for an ansvar it already had

    report = await start(databaseUrl);
    // The killed member's session must time out before the group rebalances to the new one.
    const after = await eventually(totaler, (t) => t.stad.antalLamnade === 3 && t.stad.nettokostnadOre === 650_005, 120_000);
    expect(after.namnder.find((n) => n.kod === 'KS')).toMatchObject({ nettokostnadOre: 350_002, antalLamnade: 2 });
    expect(after.namnder.find((n) => n.kod === 'SN')).toMatchObject({ nettokostnadOre: 300_003, antalLamnade: 1 });
  }, 480_000);
});
