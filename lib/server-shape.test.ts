import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * Keeps the shape of decision 001: `lib/server/<entity>/<verb>-<noun>.ts`, one
 * use case per file, and components that depend on views (lib/views), never on
 * server code.
 *
 * A use case, for this check, is an exported function whose first parameter is
 * typed exactly `Db` (the entry point a route, page or CLI calls: `(db: Db, { actor, … })`),
 * whether declared with `function`, as an arrow, or wrapped (`onDbThread("x", async function x(db: Db, …))`).
 * Helpers take a transaction (`tx: Tx`), a `Reader` or a narrowed `Pick<Db, …>` and are not counted.
 */
const root = path.resolve(import.meta.dirname, "..");
const server = path.join(root, "lib/server");

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return /\.(ts|tsx|mjs)$/.test(entry.name) ? [full] : [];
  });
}

const relative = (file: string) => path.relative(root, file).split(path.sep).join("/");

function takesDb(fn: ts.Node): boolean {
  if (!ts.isFunctionLike(fn)) return false;
  const first = fn.parameters[0];
  return Boolean(first?.type && first.type.getText() === "Db");
}

/** The function a `const x = …` initializer stands for: an arrow, a function expression, or one passed to a wrapper call. */
function functionIn(expression: ts.Expression | undefined): ts.Node | undefined {
  if (!expression) return undefined;
  if (ts.isArrowFunction(expression) || ts.isFunctionExpression(expression)) return expression;
  if (ts.isCallExpression(expression))
    return expression.arguments.find((arg) => ts.isArrowFunction(arg) || ts.isFunctionExpression(arg));
  return undefined;
}

function useCasesIn(file: string, text = fs.readFileSync(file, "utf8")): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const names: string[] = [];
  for (const statement of source.statements) {
    const exported =
      ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    // An overload's signatures (no body) are the same use case as its implementation.
    if (ts.isFunctionDeclaration(statement) && statement.body && takesDb(statement))
      names.push(statement.name?.text ?? "default");
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const fn = functionIn(declaration.initializer);
        if (fn && takesDb(fn)) names.push(declaration.name.getText());
      }
    }
  }
  return names;
}

describe("the shape of lib/server", () => {
  it("recognises use cases in every form they are written in (the heuristic can fail)", () => {
    const text = [
      "export async function a(db: Db, x: unknown) {}",
      "export const b = onDbThread('b', async function b(db: Db) {});",
      "export const c = async (db: Db) => {};",
      "export async function helper(tx: Tx) {}",
      "export async function reader(db: Reader) {}",
      "async function notExported(db: Db) {}",
    ].join("\n");
    expect(useCasesIn("example.ts", text)).toEqual(["a", "b", "c"]);
  });

  it("holds at most one use case per file", () => {
    const crowded = filesUnder(server)
      .filter((file) => !file.endsWith(".test.ts"))
      .map((file) => ({ file: relative(file), useCases: useCasesIn(file) }))
      .filter(({ useCases }) => useCases.length > 1);
    expect(crowded).toEqual([]);
  });

  it("keeps every file in an entity folder (lib/server/<entity>/…), none directly in lib/server", () => {
    const loose = fs
      .readdirSync(server, { withFileTypes: true })
      .filter((entry) => !entry.isDirectory())
      .map((entry) => entry.name);
    expect(loose).toEqual([]);
  });

  it("lets no component import from lib/server (views come from lib/views)", () => {
    const specifier = /(?:from\s+|import\s*\(\s*|import\s+)["']([^"']+)["']/g;
    const offenders = filesUnder(path.join(root, "components")).flatMap((file) => {
      const text = fs.readFileSync(file, "utf8");
      return [...text.matchAll(specifier)]
        .map((match) => match[1])
        .filter((spec) => {
          const target = spec.startsWith("@/")
            ? path.join(root, spec.slice(2))
            : spec.startsWith(".")
              ? path.resolve(path.dirname(file), spec)
              : null;
          return target !== null && (target === server || target.startsWith(server + path.sep));
        })
        .map((spec) => `${relative(file)} → ${spec}`);
    });
    expect(offenders).toEqual([]);
  });
});
