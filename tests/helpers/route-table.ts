import { newApp } from "../../worker/app.ts";

export type RouteEntry = { method: string; path: string };

/**
 * Every concrete route of the app, read from Hono's own route table, so a route added anywhere (another
 * surface, another branch) joins the fuzz and isolation tests without an edit here. Middleware (`/*`) is left out.
 */
export function routeTable(): RouteEntry[] {
  const seen = new Set<string>();
  const routes: RouteEntry[] = [];
  for (const { method, path } of newApp().routes) {
    if (path.endsWith("*")) continue;
    const key = `${method} ${path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    routes.push({ method, path });
  }
  return routes;
}

/** The path with each `:param` replaced by what `fill` returns for its name. */
export function fillPath(path: string, fill: (name: string) => string): string {
  return path.replace(/:(\w+)/g, (_match, name: string) => encodeURIComponent(fill(name)));
}
