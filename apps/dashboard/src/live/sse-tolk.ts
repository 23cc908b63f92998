/** One dispatched Server-Sent Event. */
export interface SseHandelse {
  /** The `event:` field, `message` when there was none. */
  readonly typ: string;
  readonly data: string;
  /** The last `id:` seen on the stream so far, for Last-Event-ID when reconnecting. */
  readonly id: string | undefined;
}

/**
 * Reads the text of an event stream as it arrives, in chunks cut anywhere, by the WHATWG HTML rules (§9.2.6):
 * lines end in CRLF, LF or CR; a blank line dispatches the event; `data:` lines join with a newline; lines
 * starting with a colon are comments (keep-alives); one space after the colon is dropped. An event without
 * data is not dispatched, nor is one cut off by the end of the stream.
 */
export class SseTolk {
  private rest = '';
  private forstaBiten = true;
  /** The last chunk ended in CR: an LF starting the next one belongs to that line ending. */
  private sistCr = false;
  private data: string[] = [];
  private typ = '';
  private senasteId: string | undefined;
  /** The server's `retry:` in milliseconds, when it sent one. */
  retry: number | undefined;

  mata(bit: string): SseHandelse[] {
    let text = bit;
    if (this.forstaBiten && text !== '') {
      this.forstaBiten = false;
      if (text.startsWith('\uFEFF')) text = text.slice(1);
    }
    if (this.sistCr && text.startsWith('\n')) text = text.slice(1);
    if (text !== '') this.sistCr = text.endsWith('\r');
    text = this.rest + text;

    const rader = text.split(/\r\n|\r|\n/);
    this.rest = rader.pop() ?? '';
    const handelser: SseHandelse[] = [];
    for (const rad of rader) {
      const handelse = this.rad(rad);
      if (handelse) handelser.push(handelse);
    }
    return handelser;
  }

  private rad(rad: string): SseHandelse | undefined {
    if (rad === '') {
      const handelse = this.data.length > 0 ? { typ: this.typ || 'message', data: this.data.join('\n'), id: this.senasteId } : undefined;
      this.data = [];
      this.typ = '';
      return handelse;
    }
    if (rad.startsWith(':')) return undefined;

    const kolon = rad.indexOf(':');
    const falt = kolon === -1 ? rad : rad.slice(0, kolon);
    let varde = kolon === -1 ? '' : rad.slice(kolon + 1);
    if (varde.startsWith(' ')) varde = varde.slice(1);

    switch (falt) {
      case 'data':
        this.data.push(varde);
        break;
      case 'event':
        this.typ = varde;
        break;
      case 'id':
        if (!varde.includes('\0')) this.senasteId = varde;
        break;
      case 'retry':
        if (/^\d+$/.test(varde)) this.retry = Number(varde);
        break;
    }
    return undefined;
  }
}

/** The next wait before reconnecting: doubled each time, up to a ceiling. */
export function nastaVantetid(vantetid: number, langsta: number): number {
  return Math.min(vantetid * 2, langsta);
}
