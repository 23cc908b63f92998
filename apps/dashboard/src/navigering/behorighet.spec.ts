import { describe, expect, it } from 'vitest';

import { sidorFor } from './behorighet.js';
import { SIDOR } from './sidor.js';

const nycklar = (roller: Parameters<typeof sidorFor>[0]) => sidorFor(roller).map((sida) => sida.nyckel);

describe('the pages a role is offered', () => {
  it('the ekonomidirektör is offered every page', () => {
    expect(nycklar(['ekonomidirektor'])).toEqual(SIDOR.map((sida) => sida.nyckel));
  });

  it('the ekonomidirektör is offered the reports, which they draft and fix', () => {
    expect(nycklar(['ekonomidirektor'])).toContain('rapporter');
  });

  it('a council member is offered only the fixed reports', () => {
    expect(nycklar(['fullmaktige'])).toEqual(['rapporter']);
  });

  it('a chef is offered the overview of their own part, not the budget work or the import', () => {
    expect(nycklar(['chef'])).toEqual(['helarsprognos', 'organisation']);
  });

  it('only a förvaltningsekonom (and the ekonomidirektör) is offered the utfall import', () => {
    expect(nycklar(['forvaltningsekonom'])).toContain('utfall-import');
    expect(nycklar(['processledare'])).not.toContain('utfall-import');
  });

  it('two roles are offered what either is, in the menu’s order and once each', () => {
    expect(nycklar(['fullmaktige', 'chef'])).toEqual(['helarsprognos', 'organisation', 'rapporter']);
  });

  it('no known role is offered nothing', () => {
    expect(nycklar([])).toEqual([]);
  });
});
