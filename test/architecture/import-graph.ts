import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";

/** The repository root, every path below is relative to it with "/" separators. */
export const ROOT = resolve(dirname(new URL(import.meta.url).pathname), "../..");

/** The extension's one way into the server (extension/tsconfig.json "paths"). */
const ALIASES: Record<string, string> = { "@cchc/domain": "server/src/domain/index.ts" };

export interface ImportEdge {
  /** The importing file. */
  from: string;
  /** As written in the source. */
  specifier: string;
  /** The file it resolves to inside the repository, or null for a package or a Node built-in. */
  to: string | null;
}

/** Every .ts file under `folder`, repository-relative. */
export function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(ROOT, dir))) {
      const path = `${dir}/${name}`;
      if (statSync(join(ROOT, path)).isDirectory()) walk(path);
      else if (name.endsWith(".ts") && !name.endsWith(".d.ts")) out.push(path);
    }
  };
  walk(folder);
  return out.sort();
}

/**
 * The imports of one file as the TypeScript compiler reads them (import and export … from, type-only
 * ones included, import() and require()), each resolved to a repository file where it is one of ours.
 */
export function importsOf(file: string): ImportEdge[] {
  const info = ts.preProcessFile(readFileSync(join(ROOT, file), "utf8"), true, true);
  return info.importedFiles.map(({ fileName: specifier }) => ({ from: file, specifier, to: resolveSpecifier(file, specifier) }));
}

function resolveSpecifier(from: string, specifier: string): string | null {
  if (ALIASES[specifier]) return ALIASES[specifier];
  if (!specifier.startsWith(".")) return null;
  const base = resolve(ROOT, dirname(from), specifier);
  const candidates = [base.replace(/\.(m?)js$/, ".$1ts"), base, `${base}.ts`, join(base, "index.ts")];
  const found = candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile()) ?? candidates[0];
  return relative(ROOT, found).split(sep).join("/");
}

/**
 * The layer a server file belongs to: its first folder under server/src ("graphql", "db", …), or
 * the file itself for the few at the top (config.ts, app.ts, …), which are layers of their own.
 */
export function layerOf(file: string): string | null {
  const match = /^server\/src\/(.+)$/.exec(file);
  if (!match) return null;
  const [first, ...rest] = match[1].split("/");
  return rest.length === 0 ? first : `${first}/`;
}

/** The cycles of a directed graph: its strongly connected components of more than one node (Tarjan). */
export function cyclesOf(edges: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const lowlink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string) => {
    indices.set(node, index);
    lowlink.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        lowlink.set(node, Math.min(lowlink.get(node)!, lowlink.get(next)!));
      } else if (onStack.has(next)) {
        lowlink.set(node, Math.min(lowlink.get(node)!, indices.get(next)!));
      }
    }
    if (lowlink.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const node of [...edges.keys()].sort()) if (!indices.has(node)) visit(node);
  return components;
}
