import { env } from "cloudflare:workers";

let warned = false;

/**
 * Raw text of a file under ../shared/fixtures/shopify, or null when that folder is absent (a fresh clone):
 * conformance suites then skip, and say so once.
 */
export function sharedFixture(path: string): string | null {
  const fixtures = env.TEST_SHARED_FIXTURES;
  if (!fixtures) {
    if (!warned) console.warn("SKIPPED: ../shared/fixtures/shopify is absent, so conformance tests over Shopify's real payloads do not run.");
    warned = true;
    return null;
  }
  const text = fixtures[path];
  if (text === undefined) throw new Error(`No shared fixture ${path}`);
  return text;
}

export function sharedFixturePaths(prefix: string): string[] {
  return Object.keys(env.TEST_SHARED_FIXTURES ?? {}).filter((path) => path.startsWith(prefix)).sort();
}
