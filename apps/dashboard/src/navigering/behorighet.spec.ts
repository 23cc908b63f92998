import { describe, expect, it } from 'vitest';

import { sidorFor } from './behorighet.js';
import { SIDOR } from './sidor.js';

const nycklar = (roller: Parameters<typeof sidorFor>[0]) => sidorFor(roller).map((sida) => sida.nyckel);

describe('the pages a role is offered', () => {
  it('the ekonomidirektör is offered every page but a company’s forecast form', () => {
    expect(nycklar(['ekonomidirektor'])).toEqual(SIDOR.map((sida) => sida.nyckel).filter((nyckel) => nyckel !== 'bolagsprognos'));
  });

  it('a company’s ekonomichef is offered the company’s forecast form only', () => {
    expect(nycklar(['bolagsekonom'])).toEqual(['bolagsprognos']);
  });

  it('the ekonomidirektör is offered the reports, which they draft and fix', () => {
    expect(nycklar(['ekonomidirektor'])).toContain('rapporter');
  });

  it('a council member is offered only the fixed reports', () => {
    expect(nycklar(['fullmaktige'])).toEqual(['rapporter']);
  });

  it('a chef is offered their forecasts, their part of the round’s follow-up, the goals and the organisation, not the budget work or the import', () => {
    expect(nycklar(['chef'])).toEqual(['helarsprognoser', 'uppfoljning', 'mal', 'organisation']);
  });

  it('a förvaltningsekonom is offered the forecasts to review, the follow-up and their nämnd’s budget, not the city’s totals or the import', () => {
    expect(nycklar(['forvaltningsekonom'])).toEqual(['helarsprognoser', 'uppfoljning', 'mal', 'organisation', 'budget', 'investeringar']);
  });

  it('a processledare is offered the goals and the organisation', () => {
    expect(nycklar(['processledare'])).toEqual(['mal', 'organisation']);
  });

  it('only the ekonomidirektör is offered the city’s totals and the utfall import', () => {
    for (const roll of ['chef', 'forvaltningsekonom', 'processledare', 'fullmaktige'] as const) {
      expect(nycklar([roll])).not.toContain('helarsprognos');
      expect(nycklar([roll])).not.toContain('utfall-import');
    }
  });

  it.each([
    { roll: 'chef', start: '/prognoser' },
    { roll: 'forvaltningsekonom', start: '/prognoser' },
    { roll: 'processledare', start: '/mal' },
    { roll: 'fullmaktige', start: '/rapporter' },
    { roll: 'ekonomidirektor', start: '/' },
  ] as const)('a $roll starts on $start', ({ roll, start }) => {
    expect(sidorFor([roll])[0]?.sokvag).toBe(start);
  });

  it('two roles are offered what either is, in the menu’s order and once each', () => {
    expect(nycklar(['fullmaktige', 'chef'])).toEqual(['helarsprognoser', 'uppfoljning', 'mal', 'organisation', 'rapporter']);
  });

  it('no known role is offered nothing', () => {
    expect(nycklar([])).toEqual([]);
  });
});
