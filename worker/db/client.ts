import { drizzle } from "drizzle-orm/d1";
import * as schema from "./schema/index.ts";

export type Db = ReturnType<typeof connect>;

function connect(d1: D1Database) {
  return drizzle(d1, { schema });
}

// drizzle rebuilds its relational config from the whole schema on every call: once per binding is enough.
const dbByBinding = new WeakMap<D1Database, ReturnType<typeof connect>>();

export function createDb(d1: D1Database) {
  let db = dbByBinding.get(d1);
  if (!db) {
    db = connect(d1);
    dbByBinding.set(d1, db);
  }
  return db;
}
