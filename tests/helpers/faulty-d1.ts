import { env } from "cloudflare:workers";

/** Decides, before each D1 call reaches the database, whether it fails instead: `op` counts from 0 over the binding's life. */
export type D1Fault = (call: { op: number; kind: "batch" | "statement" }) => Error | null;

/** The D1 bindings a faulty run replaces: the control database and every data shard, so a fault reaches whichever one the code uses. */
export type D1Bindings = Pick<Env, "DB" | "SHARD_1" | "SHARD_2">;

/**
 * The test D1 bindings with faults injected: every `batch()` and every statement run (`run`, `all`, `first`, `raw`)
 * on any of them asks `fault` first, with one call count over all of them, and throws its error instead of running.
 * Statements prepared here still batch on their real binding, so what does run is the real D1 write, one
 * transaction per batch. Spread `bindings` over `env` where the code under test takes its env.
 */
export function faultyD1(fault: D1Fault): { bindings: D1Bindings; calls: () => number } {
  let op = 0;
  const real = new WeakMap<object, D1PreparedStatement>();
  const gate = (kind: "batch" | "statement") => {
    const error = fault({ op: op++, kind });
    if (error) throw error;
  };
  const wrap = (statement: D1PreparedStatement): D1PreparedStatement => {
    const proxy = new Proxy(statement, {
      get(target, property) {
        if (property === "bind") return (...values: unknown[]) => wrap(target.bind(...values));
        if (property === "run" || property === "all" || property === "first" || property === "raw") {
          return async (...args: unknown[]) => {
            gate("statement");
            return (Reflect.get(target, property) as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        const value = Reflect.get(target, property) as unknown;
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    real.set(proxy, statement);
    return proxy;
  };
  const faulty = (binding: D1Database) =>
    new Proxy(binding, {
      get(target, property) {
        if (property === "prepare") return (query: string) => wrap(target.prepare(query));
        if (property === "batch") {
          return async (statements: D1PreparedStatement[]) => {
            gate("batch");
            return target.batch(statements.map((statement) => real.get(statement) ?? statement));
          };
        }
        const value = Reflect.get(target, property) as unknown;
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  return { bindings: { DB: faulty(env.DB), SHARD_1: faulty(env.SHARD_1), SHARD_2: faulty(env.SHARD_2) }, calls: () => op };
}

/** The consumer's process dying at D1 call `at`: that call and every later one fail, as nothing runs after a kill. */
export function killAt(at: number): D1Fault {
  return ({ op }) => (op >= at ? new Error(`consumer killed at D1 call ${at}`) : null);
}

/** A seeded generator (mulberry32): the same faults and the same shuffles on every run, so a failure replays. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A D1 binding during an outage: every statement and batch fails with `message`. */
export function unreachableD1(binding: D1Database, message = "D1_ERROR: simulated outage"): D1Database {
  return new Proxy(binding, {
    get(target, property) {
      if (property === "prepare" || property === "batch" || property === "exec") {
        return () => {
          throw new Error(message);
        };
      }
      const value = Reflect.get(target, property) as unknown;
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
