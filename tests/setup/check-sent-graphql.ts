import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { ReceivedDocument } from "../../simulator/graphql/record-documents.ts";
import { documentErrors } from "../shopify-schema/document-errors.ts";
import { loadAdminSchema } from "../shopify-schema/load-admin-schema.ts";

const SHOWN_CHARS = 600;

function readRecorded(folder: string): ReceivedDocument[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith(".json"))
    .map((name) => JSON.parse(readFileSync(join(folder, name), "utf8")) as ReceivedDocument);
}

function describeDocument(document: ReceivedDocument): string {
  const what = document.kind === "bulk" ? "bulk query" : `request ${document.operationName ?? /(?:query|mutation|subscription)\s+(\w+)/.exec(document.query)?.[1] ?? "(anonymous)"}`;
  const text = document.query.length > SHOWN_CHARS ? `${document.query.slice(0, SHOWN_CHARS)}…` : document.query;
  return `${what}:\n${text}`;
}

/**
 * The simulators serving the app (the workers project's, the e2e stacks') write every distinct GraphQL document
 * they receive into $SIMULATOR_RECORD_DOCUMENTS (vitest.config.ts). After every test file of every project has run,
 * each must validate against Shopify's Admin 2026-07 schema, or the run fails naming the document and the error.
 */
export function setup(): () => void {
  const folder = process.env.SIMULATOR_RECORD_DOCUMENTS;
  if (!folder) throw new Error("SIMULATOR_RECORD_DOCUMENTS is not set: vitest.config.ts names the folder the simulators record into");
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });

  return () => {
    const recorded = readRecorded(folder);
    rmSync(folder, { recursive: true, force: true });
    if (recorded.length === 0) return;
    const admin = loadAdminSchema();
    if (!admin) {
      console.warn(`SKIPPED: ${recorded.length} GraphQL documents the simulators received were not checked against Shopify's schema.`);
      return;
    }
    const started = performance.now();
    const failures = recorded.flatMap((document) => {
      const errors = documentErrors(admin.schema, document.query, document);
      return errors.length === 0 ? [] : [`${describeDocument(document)}\n  → ${errors.join("\n  → ")}`];
    });
    const bulk = recorded.filter((document) => document.kind === "bulk").length;
    const took = `schema built in ${admin.ms} ms, documents validated in ${Math.round(performance.now() - started)} ms`;
    if (failures.length > 0) {
      throw new Error(`${failures.length} of ${recorded.length} GraphQL documents the app sent do not validate against Shopify's Admin 2026-07 schema:\n\n${failures.join("\n\n")}`);
    }
    console.log(`Shopify's Admin 2026-07 schema accepts all ${recorded.length} distinct GraphQL documents the simulators received (${recorded.length - bulk} requests, ${bulk} bulk queries; ${took}).`);
  };
}
