import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");

// What a service is handed to do its I/O, by name or by type (`Deps`, `TenantContext`, `BackfillContext`, `Config`…).
const CONTEXT_NAMES = new Set(["ctx", "deps", "db", "d1", "env", "admin"]);
const CONTEXT_TYPE = /\b(Deps|Db|D1Database|Env|Config|AdminClient|\w*Context)\b/;

type Fn = { name: string; async: boolean; returnType: string | undefined; params: readonly ts.ParameterDeclaration[] };

function exportedFunctions(source: ts.SourceFile): Fn[] {
  const exported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const isAsync = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
  const found: Fn[] = [];
  for (const statement of source.statements) {
    if (!exported(statement)) continue;
    if (ts.isFunctionDeclaration(statement) && statement.name) {
      found.push({ name: statement.name.text, async: isAsync(statement), returnType: statement.type?.getText(source), params: statement.parameters });
    }
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        if (!init || !(ts.isArrowFunction(init) || ts.isFunctionExpression(init)) || !ts.isIdentifier(declaration.name)) continue;
        found.push({ name: declaration.name.text, async: isAsync(init), returnType: (init.type ?? declaration.type)?.getText(source), params: init.parameters });
      }
    }
  }
  return found;
}

const isContext = (source: ts.SourceFile, param: ts.ParameterDeclaration) =>
  (ts.isIdentifier(param.name) && CONTEXT_NAMES.has(param.name.text)) || CONTEXT_TYPE.test(param.type?.getText(source) ?? "");

/** `args: { ctx: …; input?: … }` or `({ ctx, input })`: one object parameter with a `ctx` and at most an `input`. */
function isServiceArgs(source: ts.SourceFile, params: readonly ts.ParameterDeclaration[]): boolean {
  const [only] = params;
  if (params.length !== 1 || !only) return false;
  const keys =
    only.type && ts.isTypeLiteralNode(only.type)
      ? only.type.members.map((member) => member.name?.getText(source))
      : ts.isObjectBindingPattern(only.name)
        ? only.name.elements.map((element) => (element.propertyName ?? element.name).getText(source))
        : [];
  return keys.includes("ctx") && keys.every((key) => key === "ctx" || key === "input");
}

async function serviceFiles(): Promise<string[]> {
  const entries = await readdir(join(ROOT, "worker/services"), { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(".ts")).map((e) => join(e.parentPath, e.name));
}

/** Exported functions of worker/services that do I/O (async or returning a Promise) yet take a context any other way. */
async function offenders(): Promise<string[]> {
  const found: string[] = [];
  for (const file of await serviceFiles()) {
    const source = ts.createSourceFile(file, await readFile(file, "utf8"), ts.ScriptTarget.Latest, true);
    for (const fn of exportedFunctions(source)) {
      if (!fn.async && !fn.returnType?.startsWith("Promise<")) continue;
      const takesContext = fn.params.some((param) => isContext(source, param)) || isServiceArgs(source, fn.params);
      if (takesContext && !isServiceArgs(source, fn.params)) found.push(`${relative(ROOT, file)}: ${fn.name}`);
    }
  }
  return found;
}

describe("service calling convention", () => {
  it("gives every exported service function that takes a context one argument, ({ ctx, input })", async () => {
    expect(await offenders()).toEqual([]);
  });
});
