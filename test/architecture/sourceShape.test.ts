/**
 * The shape of src/ that issue A1 asked for, kept from sliding back: no source file over 600 lines
 * (the GB 3838 parameter table excepted), the Office port's entry file at most 400, and no two source
 * files importing values from each other in a circle (type-only imports erase at compile time, and a
 * dynamic `import()` runs after both modules loaded, so neither counts).
 */
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

const root = resolve(__dirname, "../..");
const src = join(root, "src");

/** Line-count exceptions, each with its reason. */
const longFileExceptions: ReadonlyMap<string, string> = new Map([
  ["src/core/water-quality/parameters.ts", "GB 3838-2002 Tables 1–3 as data, one entry per parameter"],
]);

function sourceFiles(folder: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) for (const file of sourceFiles(path)) files.push(file);
    else if (/\.tsx?$/.test(name) && !name.endsWith(".d.ts")) files.push(path);
  }
  return files;
}

function lineCount(path: string): number {
  const text = readFileSync(path, "utf8");
  return text.endsWith("\n") ? text.split("\n").length - 1 : text.split("\n").length;
}

/** Whether an import or export declaration brings values (not only types) at load time. */
function importsValues(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isImportDeclaration(node)) {
    const clause = node.importClause;
    if (clause === undefined) return true; // `import "./x"` runs the module
    if (clause.phaseModifier === ts.SyntaxKind.TypeKeyword) return false;
    if (clause.name !== undefined) return true;
    const bindings = clause.namedBindings;
    if (bindings === undefined) return false;
    if (ts.isNamespaceImport(bindings)) return true;
    return bindings.elements.some((element) => !element.isTypeOnly);
  }
  if (node.isTypeOnly) return false;
  const clause = node.exportClause;
  if (clause === undefined || ts.isNamespaceExport(clause)) return true;
  return clause.elements.some((element) => !element.isTypeOnly);
}

function resolveRelative(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  const candidates = [`${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx"), base];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

function valueImports(path: string): string[] {
  const text = readFileSync(path, "utf8");
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false);
  const targets: string[] = [];
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
    const specifier = statement.moduleSpecifier;
    if (specifier === undefined || !ts.isStringLiteral(specifier) || !specifier.text.startsWith("."))
      continue;
    if (!importsValues(statement)) continue;
    const target = resolveRelative(path, specifier.text);
    if (target !== undefined && target.startsWith(src)) targets.push(target);
  }
  return targets;
}

/** Strongly connected components of more than one file, or a file importing itself (Tarjan). */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(target) ?? 0));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(target) ?? 0));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      const selfLoop = (graph.get(node) ?? []).includes(node);
      if (component.length > 1 || selfLoop) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe("the shape of src/", () => {
  const files = sourceFiles(src);

  it("has no source file over 600 lines, but for the parameter table", () => {
    const long = files
      .map((path) => ({ file: relative(root, path).split("\\").join("/"), lines: lineCount(path) }))
      .filter(({ file, lines }) => lines > 600 && !longFileExceptions.has(file));
    expect(long).toEqual([]);
  });

  it("keeps the Office port's entry file to wiring: at most 400 lines", () => {
    expect(lineCount(join(src, "hosts/excel/officeWorkbookPort.ts"))).toBeLessThanOrEqual(400);
  });

  it("has no circle of value imports between source files", () => {
    const graph = new Map(files.map((path) => [path, valueImports(path)] as const));
    const named = cycles(graph).map((component) => component.map((path) => relative(root, path)));
    expect(named).toEqual([]);
  });

  it("finds a circle when there is one (the check can fail)", () => {
    const graph = new Map<string, string[]>([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
      ["d", ["a"]],
    ]);
    expect(cycles(graph)).toEqual([["a", "b", "c"]]);
  });
});
