/** One line of a JSONL stream; `end` is the byte offset just past its newline, where a resumed read starts. */
export type JsonlLine = { text: string; start: number; end: number };

const NEWLINE = 0x0a;

function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const joined = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return joined;
}

/**
 * Splits a byte stream into lines without holding more than one line plus one network chunk. Splitting on bytes
 * (not decoded text) keeps offsets exact and never cuts a multi-byte character. Blank lines are skipped.
 * Leaving the loop early cancels the stream.
 */
export async function* readJsonlLines(body: ReadableStream<Uint8Array>, baseOffset = 0): AsyncGenerator<JsonlLine> {
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let lineStart = baseOffset;
  const emit = (bytes: Uint8Array, end: number): JsonlLine | null => {
    const text = decoder.decode(bytes).replace(/\r$/, "");
    const line = text.trim() === "" ? null : { text, start: lineStart, end };
    lineStart = end;
    return line;
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      let from = 0;
      for (let at = value.indexOf(NEWLINE); at !== -1; at = value.indexOf(NEWLINE, from)) {
        const piece = value.subarray(from, at);
        const bytes = concat([...pending, piece], pendingBytes + piece.length);
        pending = [];
        pendingBytes = 0;
        const line = emit(bytes, lineStart + bytes.length + 1);
        if (line) yield line;
        from = at + 1;
      }
      if (from < value.length) {
        pending.push(value.subarray(from));
        pendingBytes += value.length - from;
      }
    }
    if (pendingBytes > 0) {
      const line = emit(concat(pending, pendingBytes), lineStart + pendingBytes);
      if (line) yield line;
    }
  } finally {
    await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}
