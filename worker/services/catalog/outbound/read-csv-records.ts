/** One CSV record and the line it starts on (1-based; a quoted field may span lines). */
export type CsvRecord = { line: number; fields: string[] };

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

type State = { fields: string[]; field: string; quoted: boolean; closed: boolean; line: number; start: number; started: boolean; cr: boolean };

/**
 * RFC 4180 records from a byte stream, read chunk by chunk so a large file is never held whole: quoted fields with
 * `""` escapes and line breaks, CRLF or LF, a leading BOM dropped, blank lines skipped. (csv-parse needs Node
 * streams, which the worker runs without; Papa Parse cannot be fed a web stream's chunks.)
 */
export async function* readCsvRecords(body: ReadableStream<Uint8Array>): AsyncGenerator<CsvRecord> {
  const state: State = { fields: [], field: "", quoted: false, closed: false, line: 1, start: 1, started: false, cr: false };
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let carry = "";
  let first = true;
  for (;;) {
    const { done, value } = await reader.read();
    let text = carry + (done ? decoder.decode() : decoder.decode(value, { stream: true }));
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    first = first && text === "";
    // Quotes ending the chunk may pair with the next one (`""`): keep the run for the next chunk, which tells.
    carry = done ? "" : (/"+$/.exec(text)?.[0] ?? "");
    yield* consume(state, text.slice(0, text.length - carry.length));
    if (done) break;
  }
  if (state.quoted) throw new CsvSyntaxError(state.start, "a quoted field is not closed before the end of the file");
  if (state.started) yield endRecord(state);
}

function endRecord(state: State): CsvRecord {
  state.fields.push(state.field);
  const record = { line: state.start, fields: state.fields };
  Object.assign(state, { fields: [], field: "", closed: false, started: false });
  return record;
}

function begin(state: State): void {
  if (!state.started) state.start = state.line;
  state.started = true;
}

function* consume(state: State, text: string): Generator<CsvRecord> {
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    // A CRLF split across chunks: the CR already ended the line.
    if (state.cr) {
      state.cr = false;
      if (ch === "\n") continue;
    }
    if (state.quoted) {
      if (ch !== '"') {
        if (ch === "\n") state.line++;
        state.field += ch;
      } else if (text[i + 1] === '"') {
        state.field += '"';
        i++;
      } else {
        state.quoted = false;
        state.closed = true;
      }
    } else if (ch === '"' && state.field === "" && !state.closed) {
      begin(state);
      state.quoted = true;
    } else if (ch === ",") {
      begin(state);
      state.fields.push(state.field);
      state.field = "";
      state.closed = false;
    } else if (ch === "\n" || ch === "\r") {
      state.cr = ch === "\r";
      if (state.started) yield endRecord(state);
      state.line++;
    } else {
      begin(state);
      state.field += ch;
    }
  }
}
