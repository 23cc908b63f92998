import { describe, expect, it } from 'vitest';

import { SseTolk } from './sse-tolk.js';
import { tolkaTotalerhandelse } from './totaler-handelse.js';

/** The events of a stream as the report service writes them (NestJS's @Sse: event, id and data lines). */
const handelser = (text: string) => new SseTolk().mata(text).map(tolkaTotalerhandelse);

describe('an event on the stream of changed totals', () => {
  it('names the year and occasion whose totals changed', () => {
    expect(handelser('id: 1\ndata: {"ar":2026,"tillfalle":"augusti","senastUppdaterad":"2026-08-31T10:00:00Z"}\n\n')).toEqual([
      { typ: 'andrat', urval: { ar: 2026, tillfalle: 'augusti' } },
    ]);
  });

  it('is a keep-alive when the service pings, with empty data, and is not taken for a change', () => {
    expect(handelser('event: ping\nid: 2\ndata: \n\n')).toEqual([{ typ: 'hjartslag' }]);
  });

  it.each([
    { fall: 'text that is not JSON', text: 'data: hej\n\n' },
    { fall: 'JSON of another shape', text: 'data: {"ar":"i år"}\n\n' },
    {
      fall: 'an event type the dashboard does not know',
      text: 'event: annat\ndata: {"ar":2026,"tillfalle":"april","senastUppdaterad":"x"}\n\n',
    },
  ])('is unknown for $fall', ({ text }) => {
    expect(handelser(text)).toEqual([{ typ: 'okant' }]);
  });
});
