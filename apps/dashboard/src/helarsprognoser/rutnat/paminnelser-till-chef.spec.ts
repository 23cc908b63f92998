import { describe, expect, it } from 'vitest';

import { paminnelserAttVisa } from './paminnelser-till-chef.js';

const paminnelse = (ansvar: string, at: string, meddelande: string | null = 'Lämna prognosen', av = 'Eva Ek') => ({
  ansvar,
  at,
  av,
  meddelande,
});

describe('paminnelserAttVisa: the newest reminder of each ansvar still missing, one entry per reminder sent', () => {
  const saknade = new Map([
    ['16150', 'Rydebäck'],
    ['16151', 'Påarp'],
    ['16152', 'Mörarp'],
  ]);

  it.each([
    { fall: 'none', paminnelser: [], vantat: [] },
    {
      fall: 'one reminder sent about three ansvar is one entry naming all three',
      paminnelser: ['16150', '16151', '16152'].map((kod) => paminnelse(kod, '2026-09-10T08:00:00.000Z')),
      vantat: [['16150', '16151', '16152']],
    },
    {
      fall: 'an ansvar handed in since is left out',
      paminnelser: [paminnelse('16150', '2026-09-10T08:00:00.000Z'), paminnelse('16199', '2026-09-10T08:00:00.000Z')],
      vantat: [['16150']],
    },
    {
      fall: 'only the newest of an ansvar counts (the list comes newest first)',
      paminnelser: [
        paminnelse('16150', '2026-09-12T08:00:00.000Z', 'Sista dagen i dag'),
        paminnelse('16151', '2026-09-12T08:00:00.000Z', 'Sista dagen i dag'),
        paminnelse('16150', '2026-09-10T08:00:00.000Z'),
        paminnelse('16152', '2026-09-10T08:00:00.000Z'),
      ],
      vantat: [['16150', '16151'], ['16152']],
    },
    {
      fall: 'the same moment but other words or sender are other reminders',
      paminnelser: [paminnelse('16150', '2026-09-10T08:00:00.000Z', null), paminnelse('16151', '2026-09-10T08:00:00.000Z', null, 'Ola Ek')],
      vantat: [['16150'], ['16151']],
    },
  ])('$fall', ({ paminnelser, vantat }) => {
    expect(paminnelserAttVisa(paminnelser, saknade).map((utskick) => utskick.ansvar.map((ansvar) => ansvar.kod))).toEqual(vantat);
  });

  it('keeps the names, the sender, the time and the words', () => {
    expect(paminnelserAttVisa([paminnelse('16151', '2026-09-10T08:00:00.000Z')], saknade)).toEqual([
      { av: 'Eva Ek', at: '2026-09-10T08:00:00.000Z', meddelande: 'Lämna prognosen', ansvar: [{ kod: '16151', namn: 'Påarp' }] },
    ]);
  });
});
