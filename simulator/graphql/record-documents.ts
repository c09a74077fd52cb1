import { createHash } from "node:crypto";
import { renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** A GraphQL document the simulator received: a request's `query`, or the `query` of a bulkOperationRunQuery. */
export type ReceivedDocument = { kind: "request" | "bulk"; operationName: string | null; query: string };

export type DocumentRecorder = (document: ReceivedDocument) => void;

/**
 * Writes each distinct document once into `folder`, as `<sha256>.json`, so that simulators in several processes
 * can share one folder and a check after the run sees every document once (tests/setup/check-sent-graphql.ts).
 */
export function documentRecorder(folder: string | undefined): DocumentRecorder {
  if (!folder) return () => {};
  const seen = new Set<string>();
  return (document) => {
    const text = JSON.stringify(document);
    const key = createHash("sha256").update(text).digest("hex");
    if (seen.has(key)) return;
    seen.add(key);
    const file = join(folder, `${key}.json`);
    // Written then renamed, so a reader never sees half a file.
    const partial = `${file}.${process.pid}.partial`;
    try {
      writeFileSync(partial, text);
      renameSync(partial, file);
    } catch (error) {
      // The folder goes when the run that asked for the record has checked it; calls after that are not recorded.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  };
}
