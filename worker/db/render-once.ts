import { is, Param, Placeholder, SQL, sql, StringChunk } from "drizzle-orm";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";

// Each bound value renders as a mark instead of `?` (a private-use character, never in SQL we write), so the text
// can be cut where the values go.
const MARK = "\uE000";
class MarkingDialect extends SQLiteAsyncDialect {
  override escapeParam(): string {
    return MARK;
  }
}

const dialect = new MarkingDialect();

/**
 * A statement rendered to text once, at module load, rather than on every call: written from schema objects, a hot
 * upsert is hundreds of chunks for drizzle to walk per batch. `slot(name)` marks where a value goes; each call only
 * binds the values. The text is what rendering the statement with its values would give.
 */
export function renderOnce<K extends string>(build: (slot: (name: K) => Placeholder<K>) => SQL): (values: Record<K, unknown>) => SQL {
  const query = dialect.sqlToQuery(build((name) => sql.placeholder(name)));
  const names = query.params.map((param) => {
    if (!is(param, Placeholder)) throw new Error(`renderOnce: a value is bound in place (${String(param)}); give it a slot`);
    return param.name as K;
  });
  const texts = query.sql.split(MARK).map((text) => new StringChunk(text));
  return (values) => new SQL(texts.flatMap((text, i) => (i < names.length ? [text, new Param(values[names[i]!])] : [text])));
}
