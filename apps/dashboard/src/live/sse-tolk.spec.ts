import { describe, expect, it } from 'vitest';

import { nastaVantetid, SseTolk } from './sse-tolk.js';

const las = (...bitar: string[]) => {
  const tolk = new SseTolk();
  return bitar.flatMap((bit) => tolk.mata(bit));
};

describe('reading an event stream', () => {
  it('dispatches an event at the blank line', () => {
    expect(las('data: {"ar":2026}\n\n')).toEqual([{ typ: 'message', data: '{"ar":2026}', id: undefined }]);
  });

  it('waits for the blank line before dispatching', () => {
    const tolk = new SseTolk();
    expect(tolk.mata('data: a\n')).toEqual([]);
    expect(tolk.mata('\n')).toEqual([{ typ: 'message', data: 'a', id: undefined }]);
  });

  it('joins data lines with a newline', () => {
    expect(las('data: a\ndata: b\n\n')[0]?.data).toBe('a\nb');
  });

  it('puts together lines cut anywhere between chunks', () => {
    expect(las('da', 'ta: {"a"', ':1}', '\n', '\ndata: 2\n\n').map((h) => h.data)).toEqual(['{"a":1}', '2']);
  });

  it('takes CRLF and CR line endings, also with CRLF cut between chunks', () => {
    expect(las('data: a\r\n\r\ndata: b\r\rdata: c\r', '\n\r', '\n').map((h) => h.data)).toEqual(['a', 'b', 'c']);
  });

  it('skips comments such as keep-alives, and events without data', () => {
    expect(las(': keep-alive\n\nevent: ping\n\ndata: x\n\n').map((h) => h.data)).toEqual(['x']);
  });

  it('drops only one space after the colon, and takes a field without a colon as empty', () => {
    expect(las('data:  två\ndata\n\n')[0]?.data).toBe(' två\n');
  });

  it('names the event by its event field, and carries the last id on', () => {
    expect(las('id: 7\nevent: totaler\ndata: x\n\ndata: y\n\n')).toEqual([
      { typ: 'totaler', data: 'x', id: '7' },
      { typ: 'message', data: 'y', id: '7' },
    ]);
  });

  it('reads the server’s retry, ignoring one that is not a number', () => {
    const tolk = new SseTolk();
    tolk.mata('retry: 5000\n\nretry: snart\n\n');
    expect(tolk.retry).toBe(5000);
  });

  it('ignores a byte order mark at the start', () => {
    expect(las('\uFEFFdata: x\n\n')[0]?.data).toBe('x');
  });

  it('does not dispatch an event cut off by the end of the stream', () => {
    expect(las('data: halv')).toEqual([]);
  });
});

describe('waiting before reconnecting', () => {
  it('doubles, up to the ceiling', () => {
    expect(nastaVantetid(2_000, 60_000)).toBe(4_000);
    expect(nastaVantetid(40_000, 60_000)).toBe(60_000);
  });
});
