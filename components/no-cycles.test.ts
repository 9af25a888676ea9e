import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * No import circle among the components (issue #15): type-only imports count too, since a circle of types is how
 * the workbench's state ended up re-exported by the component that used it. Plain parsing of import/export-from
 * lines and a depth-first search; only relative and "@/components/" imports stay inside the graph.
 */
const ROOT = path.resolve(import.meta.dirname);
const EXTENSIONS = [".ts", ".tsx"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return EXTENSIONS.includes(path.extname(name)) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Every module specifier a file imports or re-exports from, static or dynamic. */
export function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^'";]*?\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.push(match[1]);
  return found;
}

function resolve(from: string, specifier: string, files: ReadonlySet<string>): string | null {
  const base = specifier.startsWith("@/components/")
    ? path.join(ROOT, specifier.slice("@/components/".length))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : null;
  if (!base) return null;
  for (const candidate of [
    base,
    ...EXTENSIONS.map((extension) => base + extension),
    ...EXTENSIONS.map((extension) => path.join(base, `index${extension}`)),
  ])
    if (files.has(candidate)) return candidate;
  return null;
}

/** The first circle found, as the files around it (the first file repeated at the end), or null. */
export function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | null {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, "open");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "open") return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state.set(node, "done");
    return null;
  };
  for (const node of graph.keys()) {
    if (state.has(node)) continue;
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

describe("components/ imports", () => {
  it("finds a circle when there is one (the check can fail)", () => {
    expect(
      findCycle(
        new Map([
          ["a", ["b"]],
          ["b", ["c"]],
          ["c", ["a"]],
        ]),
      ),
    ).toEqual(["a", "b", "c", "a"]);
    expect(
      findCycle(
        new Map([
          ["a", ["b"]],
          ["b", []],
          ["c", ["a", "b"]],
        ]),
      ),
    ).toBeNull();
    expect(
      specifiers(
        `import type { Work } from "./Workbench";\nexport type { X } from '../x';\nimport "./side";\nimport { a,\n  b } from "./multi";`,
      ),
    ).toEqual(["./Workbench", "../x", "./multi", "./side"]);
  });

  it("have no circle, type-only imports included", () => {
    const files = sourceFiles(ROOT);
    const set = new Set(files);
    const graph = new Map(
      files.map((file) => [
        file,
        specifiers(readFileSync(file, "utf8")).flatMap((specifier) => resolve(file, specifier, set) ?? []),
      ]),
    );
    expect(files.length).toBeGreaterThan(40);
    const cycle = findCycle(graph);
    expect(cycle?.map((file) => path.relative(ROOT, file)) ?? null).toBeNull();
  });
});
