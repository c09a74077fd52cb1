import { utf8 } from "../../../lib/encoding.ts";

/** NDJSON lines (each a JSON text without a newline) as one gzip member, compressed by the runtime's CompressionStream. */
export async function gzipLines(lines: readonly string[]): Promise<Uint8Array> {
  const text = lines.length === 0 ? "" : `${lines.join("\n")}\n`;
  const stream = new Blob([utf8(text)]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The lines of a gzip NDJSON object, empty lines dropped. */
export async function gunzipLines(body: ArrayBuffer): Promise<string[]> {
  const text = await new Response(new Blob([body]).stream().pipeThrough(new DecompressionStream("gzip"))).text();
  return text.split("\n").filter((line) => line.length > 0);
}
