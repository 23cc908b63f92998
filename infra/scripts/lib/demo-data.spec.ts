import { describe, expect, it } from 'vitest';

import { demoRest } from './demo-data.mjs';

// The demo status each ansvar's forecast ends in (demoStatus), and what a start finds.
const ONSKAT = new Map([
  ['10001', 'klarmarkerad'],
  ['10002', 'utkast'],
  ['10003', 'godkand'],
  ['10004', 'aterskickad'],
  ['10005', 'ej-paborjad'],
]);

describe('demoRest: what a start still has to load of the demo forecasts', () => {
  it.each([
    {
      namn: 'a first start loads every demo forecast but the one not started',
      finns: [],
      spara: ['10001', '10002', '10003', '10004'],
      besluta: [],
      klara: 0,
    },
    {
      namn: 'a load stopped midway resumes with the ones missing',
      finns: [{ ansvar: '10001', status: 'klarmarkerad' }],
      spara: ['10002', '10003', '10004'],
      besluta: [],
      klara: 1,
    },
    {
      namn: 'a forecast saved whose decision never came waits only for the decision',
      finns: [
        { ansvar: '10001', status: 'klarmarkerad' },
        { ansvar: '10002', status: 'utkast' },
        { ansvar: '10003', status: 'klarmarkerad' },
        { ansvar: '10004', status: 'aterskickad' },
      ],
      spara: [],
      besluta: ['10003'],
      klara: 3,
    },
    {
      namn: 'a complete load leaves nothing to do',
      finns: [
        { ansvar: '10001', status: 'klarmarkerad' },
        { ansvar: '10002', status: 'utkast' },
        { ansvar: '10003', status: 'godkand' },
        { ansvar: '10004', status: 'aterskickad' },
      ],
      spara: [],
      besluta: [],
      klara: 4,
    },
    {
      namn: 'what someone changed since is left as it is',
      finns: [
        { ansvar: '10001', status: 'godkand' },
        { ansvar: '10002', status: 'klarmarkerad' },
        { ansvar: '10003', status: 'utkast' },
        { ansvar: '10004', status: 'godkand' },
        { ansvar: '10005', status: 'utkast' },
      ],
      spara: [],
      besluta: [],
      klara: 4,
    },
  ])('$namn', ({ finns, spara, besluta, klara }) => {
    expect(demoRest(ONSKAT, finns)).toEqual({ spara, besluta, klara });
  });
});
