import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { getTableColumns, getTableName, is, Table } from "drizzle-orm";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as schema from "../../worker/db/schema/index.ts";

const ROOT = join(import.meta.dirname, "../..");
const FOLDERS = ["worker", "queues", "durable-objects"];
// The schema is where the names are written; its partial-index predicates read as the migrations do.
const SKIPPED = ["worker/db/schema/"];
// SQL built as text rather than in a `sql` template or a `.prepare()` argument: every literal in them is SQL.
const SQL_TEXT_FILES = [
  "worker/services/segments/dsl/compile-segment.ts",
  "worker/services/segments/dsl/compile-attribute-rule.ts",
  "worker/services/segments/recompute-statements.ts",
  "worker/services/operations/read-ingest-stats.ts",
];
// Prose in those files, not SQL.
const MESSAGE_CALLS = new Set(["segmentError", "Error"]);
// Words of SQL (and of `json_each`'s rows) that a column is also named.
const SQL_WORDS = new Set(["key", "value", "left"]);

const schemaNames = new Set<string>();
for (const value of Object.values(schema)) {
  if (!is(value, Table)) continue;
  schemaNames.add(getTableName(value));
  for (const column of Object.values(getTableColumns(value))) schemaNames.add(column.name);
}

async function sourceFiles(): Promise<string[]> {
  const files: string[] = [];
  for (const folder of FOLDERS) {
    const entries = await readdir(join(ROOT, folder), { withFileTypes: true, recursive: true });
    for (const e of entries) {
      const path = relative(ROOT, join(e.parentPath, e.name));
      if (e.isFile() && path.endsWith(".ts") && !path.endsWith(".d.ts") && !SKIPPED.some((skip) => path.startsWith(skip))) files.push(path);
    }
  }
  return files;
}

/** A literal's text, each `${…}` as a placeholder so quotes opened before one close after it. */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((span) => ` ? ${span.literal.text}`).join("");
  return null;
}

/** The names of the schema written out in SQL text: outside quoted strings, and not an `AS` output name. */
function schemaWordsIn(text: string): string[] {
  const unquoted = text.replace(/'(?:[^']|'')*'/g, "''");
  const found: string[] = [];
  for (const match of unquoted.matchAll(/(\bas\s+)?\b([a-z_][a-z0-9_]*)\b/gi)) {
    const word = match[2]!.toLowerCase();
    if (!match[1] && schemaNames.has(word) && !SQL_WORDS.has(word)) found.push(word);
  }
  return found;
}

function sqlLiterals(source: ts.SourceFile, path: string): ts.Node[] {
  const consts = new Map<string, ts.Node>();
  const found: ts.Node[] = [];
  const everyLiteral = SQL_TEXT_FILES.includes(path);
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) consts.set(node.name.text, node.initializer);
    if (ts.isTaggedTemplateExpression(node) && node.tag.getText(source) === "sql") found.push(node.template);
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const callee = node.expression.getText(source);
      const [first] = node.arguments;
      if (first && (callee === "sql.raw" || node.expression.name.text === "prepare")) found.push(first);
    }
    if (everyLiteral && ts.isCallExpression(node) && MESSAGE_CALLS.has(node.expression.getText(source))) return;
    if (everyLiteral && ts.isNewExpression(node) && MESSAGE_CALLS.has(node.expression.getText(source))) return;
    if (everyLiteral && literalText(node) !== null && !ts.isImportDeclaration(node.parent) && !ts.isExportDeclaration(node.parent)) found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  // `.prepare(STATEMENT)`: the statement is a constant of the same file.
  return found.map((node) => (ts.isIdentifier(node) ? (consts.get(node.text) ?? node) : node));
}

async function offenders(): Promise<string[]> {
  const found: string[] = [];
  for (const path of await sourceFiles()) {
    const text = await readFile(join(ROOT, path), "utf8");
    if (!/sql|prepare/.test(text)) continue;
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
    for (const literal of sqlLiterals(source, path)) {
      const sqlText = literalText(literal);
      const words = sqlText === null ? [] : schemaWordsIn(sqlText);
      const { line } = source.getLineAndCharacterOfPosition(literal.getStart(source));
      if (words.length > 0) found.push(`${path}:${line + 1}: ${[...new Set(words)].join(", ")}`);
    }
  }
  return found;
}

describe("raw SQL takes its names from the drizzle schema", () => {
  it("finds no table or column name written out in a raw statement of worker/, queues/ or durable-objects/", async () => {
    expect(await offenders()).toEqual([]);
  });

  it("would see a name written out", () => {
    expect(schemaWordsIn("update profiles set total_spent = 0 where p.tenant_id = ? and 1 = 'tenant_id'")).toEqual(["profiles", "total_spent", "tenant_id"]);
    expect(schemaWordsIn("select value from json_each(?) j left join x on true")).toEqual([]);
  });
});
