/** One trivial query to a D1 database: its round trip in ms, and its size in bytes as D1 reports it (`meta.size_after`). */
export async function probeDatabase(d1: D1Database): Promise<{ ms: number; bytes: number }> {
  const started = Date.now();
  const result = await d1.prepare("select 1").run();
  return { ms: Date.now() - started, bytes: result.meta.size_after };
}
