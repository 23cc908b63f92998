import { SAMPLE_BYTES } from './encoding.js';
import { createLineSplitter } from './lines.js';

export interface StreamHandlers {
  /** Called once with the first bytes, before any line; returns false to stop reading. */
  onSample(sample: Uint8Array, sampleCut: boolean): boolean;
  /** A line as `buffer[start, end)` without its line break; the bytes are only valid during the call. */
  onLine(buffer: Buffer, start: number, end: number, line: number): void;
  /** Asked after each chunk: true ends reading early (the source is then closed). */
  stopped(): boolean;
  onLineTooLong(line: number): void;
}

/**
 * Holds back the first {@link SAMPLE_BYTES} for encoding detection, then streams lines. Breaking out of
 * `for await` closes the source, so a Node stream is destroyed when reading stops early.
 */
export async function streamLines(source: AsyncIterable<Uint8Array>, handlers: StreamHandlers): Promise<{ lines: number; bytes: number }> {
  const splitter = createLineSplitter((buffer, start, end, line) => {
    if (!handlers.stopped()) handlers.onLine(buffer, start, end, line);
  });
  let head: Uint8Array[] | null = [];
  let bytes = 0;
  let go = true;

  const feed = (chunk: Uint8Array): void => {
    if (!splitter.push(chunk)) {
      handlers.onLineTooLong(splitter.lines() + 1);
      go = false;
    }
  };
  const start = (chunks: Uint8Array[]): void => {
    const sample = Buffer.concat(chunks);
    go = handlers.onSample(sample.subarray(0, SAMPLE_BYTES), sample.length > SAMPLE_BYTES);
    for (const chunk of chunks) if (go && !handlers.stopped()) feed(chunk);
  };

  for await (const chunk of source) {
    bytes += chunk.length;
    if (head) {
      head.push(chunk);
      if (bytes < SAMPLE_BYTES) continue;
      const chunks = head;
      head = null;
      start(chunks);
    } else feed(chunk);
    if (!go || handlers.stopped()) break;
  }
  if (head && bytes > 0) start(head);
  return { lines: go ? splitter.end() : splitter.lines(), bytes };
}
