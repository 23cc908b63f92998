/** A line longer than this means a broken or non-text file; refusing it keeps memory flat. */
export const MAX_LINE_BYTES = 1024 * 1024;

/**
 * Receives one line as `buffer[start, end)`, without its line break. The bytes are only valid during the
 * call; passing a range instead of a view spares an object per line.
 */
export type LineHandler = (buffer: Buffer, start: number, end: number, lineNo: number) => void;

export interface LineSplitter {
  /** Feeds a chunk; returns false when a line grew past {@link MAX_LINE_BYTES} (the caller should stop). */
  push(chunk: Uint8Array): boolean;
  /** Emits a last line without a line break, and returns the number of lines. */
  end(): number;
  /** Lines emitted so far. */
  lines(): number;
}

/**
 * Splits a byte stream into lines at LF, dropping a CR before it, across any chunk boundaries. Only a line
 * that spans chunks is copied.
 */
export function createLineSplitter(onLine: LineHandler, maxLineBytes = MAX_LINE_BYTES): LineSplitter {
  let carry: Buffer[] = [];
  let carryBytes = 0;
  let lineNo = 0;

  const emit = (buffer: Buffer, start: number, end: number): void => {
    lineNo++;
    onLine(buffer, start, end > start && buffer[end - 1] === 0x0d ? end - 1 : end, lineNo);
  };
  const emitCarry = (last: Buffer): void => {
    carry.push(last);
    const line = Buffer.concat(carry, carryBytes + last.length);
    carry = [];
    carryBytes = 0;
    emit(line, 0, line.length);
  };

  return {
    push(chunk) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      let start = 0;
      let newline = buffer.indexOf(0x0a, start);
      while (newline !== -1) {
        if (carryBytes > 0) emitCarry(buffer.subarray(start, newline));
        else emit(buffer, start, newline);
        start = newline + 1;
        newline = buffer.indexOf(0x0a, start);
      }
      if (start < buffer.length) {
        // Copied, because a stream may reuse the chunk's memory once we return.
        carry.push(Buffer.from(buffer.subarray(start)));
        carryBytes += buffer.length - start;
      }
      return carryBytes <= maxLineBytes;
    },
    end() {
      if (carryBytes > 0) emitCarry(Buffer.alloc(0));
      return lineNo;
    },
    lines: () => lineNo,
  };
}
