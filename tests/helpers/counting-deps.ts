import { env } from "cloudflare:workers";
import { createDeps, type Deps } from "../../worker/context/deps.ts";
import { serviceDeps } from "./service-context.ts";

/** Deps whose D1 binding counts the statements prepared on it, to assert what a path costs the database. */
export function countingDeps(): { counter: { statements: number }; deps: Deps } {
  const counter = { statements: 0 };
  const db = new Proxy(env.DB, {
    get(target, property) {
      if (property === "prepare") {
        return (query: string) => {
          counter.statements++;
          return target.prepare(query);
        };
      }
      const value = Reflect.get(target, property) as unknown;
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  const base = serviceDeps();
  return { counter, deps: createDeps({ ...env, DB: db }, base.config, base.log) };
}
