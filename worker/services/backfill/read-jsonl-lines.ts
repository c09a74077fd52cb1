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
 * Lines of a byte stream, a batch per network piece, holding at most one line plus one piece. Splitting bytes keeps
 * offsets exact, and a piece's whole lines decode in one call: a newline byte is never inside a multi-byte character.
 * Blank lines are skipped; leaving the loop early cancels the stream.
 */
export async function* readJsonlLines(body: ReadableStream<Uint8Array>, baseOffset = 0): AsyncGenerator<JsonlLine[]> {
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let lineStart = baseOffset;
  let pieceStart = baseOffset;
  const add = (batch: JsonlLine[], text: string, end: number) => {
    const line = text.endsWith("\r") ? text.slice(0, -1) : text;
    if (line.trim() !== "") batch.push({ text: line, start: lineStart, end });
    lineStart = end;
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const first = value.indexOf(NEWLINE);
      if (first === -1) {
        pending.push(value);
        pendingBytes += value.length;
        pieceStart += value.length;
        continue;
      }
      const batch: JsonlLine[] = [];
      add(batch, decoder.decode(concat([...pending, value.subarray(0, first)], pendingBytes + first)), pieceStart + first + 1);
      pending = [];
      pendingBytes = 0;
      const last = value.lastIndexOf(NEWLINE);
      if (last > first) {
        let from = first + 1;
        for (const text of decoder.decode(value.subarray(from, last)).split("\n")) {
          const at = value.indexOf(NEWLINE, from);
          add(batch, text, pieceStart + at + 1);
          from = at + 1;
        }
      }
      if (last + 1 < value.length) {
        pending.push(value.subarray(last + 1));
        pendingBytes = value.length - last - 1;
      }
      pieceStart += value.length;
      if (batch.length > 0) yield batch;
    }
    if (pendingBytes > 0) {
      const batch: JsonlLine[] = [];
      add(batch, decoder.decode(concat(pending, pendingBytes)), lineStart + pendingBytes);
      if (batch.length > 0) yield batch;
    }
  } finally {
    await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}
