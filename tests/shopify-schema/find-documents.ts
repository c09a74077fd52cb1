import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

export type StaticDocument = { place: string; text: string };

export type FoundDocuments = {
  /** Literals (no substitution) that hold a GraphQL operation. */
  literals: StaticDocument[];
  /** Templates with substitutions that start like an operation: documents built at run time, by their static start. */
  templateHeads: { place: string; head: string }[];
  /** What each `runBatchedMutation` call is given to build its document from, e.g. `FLOW_TRIGGER_RECEIVE`. */
  batchedMutations: { place: string; mutation: string }[];
};

// `query Name(`, `mutation {`, … right after a quote (or a `#graphql` tag): bare words such as "query" are not documents.
const OPERATION = String.raw`\s*(?:#graphql\s+)?(?:query|mutation|subscription)\b`;
const LITERALS = new RegExp(String.raw`\`(${OPERATION}[^\`]*)\`|"(${OPERATION}[^"\n]*)"`, "g");
const IS_DOCUMENT = new RegExp(String.raw`^${OPERATION}\s*(?:[_A-Za-z]\w*)?\s*[({]`);
const BATCHED_CALL = /(?<!function )runBatchedMutation(?:<[^>]*>)?\(\s*[^,]+,\s*([A-Za-z_$][\w$]*)/g;

function sourceFiles(root: string, folders: readonly string[]): string[] {
  return folders.flatMap((folder) =>
    readdirSync(join(root, folder), { recursive: true, encoding: "utf8" })
      .filter((name) => name.endsWith(".ts") && !name.endsWith(".d.ts"))
      .map((name) => join(root, folder, name)),
  );
}

/**
 * Every GraphQL document written into the TypeScript under `folders`, read from the source rather than run, so
 * that a document no test happens to send is still found. A regular expression is enough here: a document starts
 * right after a quote with `query`, `mutation` or `subscription`, and holds no quote of its kind.
 */
export function findDocuments(root: string, folders: readonly string[]): FoundDocuments {
  const found: FoundDocuments = { literals: [], templateHeads: [], batchedMutations: [] };
  for (const path of sourceFiles(root, folders)) {
    const source = readFileSync(path, "utf8");
    const place = (index: number) => `${relative(root, path)}:${source.slice(0, index).split("\n").length}`;
    for (const match of source.matchAll(LITERALS)) {
      const text = match[1] ?? match[2]!;
      const substitution = match[1] === undefined ? -1 : text.indexOf("${");
      if (substitution >= 0) found.templateHeads.push({ place: place(match.index), head: text.slice(0, substitution) });
      else if (IS_DOCUMENT.test(text)) found.literals.push({ place: place(match.index), text });
    }
    for (const match of source.matchAll(BATCHED_CALL)) found.batchedMutations.push({ place: place(match.index), mutation: match[1]! });
  }
  return found;
}
