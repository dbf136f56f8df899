import { describe, expect, it } from "vitest";
import { cyclesOf, importsOf, layerOf, sourceFiles, type ImportEdge } from "./import-graph.js";

/**
 * The dependency rules of the README's architecture map, checked on every .ts file's imports as the
 * TypeScript compiler reads them (type-only imports count: they tie the folders together as much).
 * An equivalent of dependency-cruiser, which needs a newer Node than the one this runs on.
 *
 * KNOWN_EXCEPTIONS: imports that break a rule, each with its reason; empty since issue 10 moved the
 * last ones below the API. A new violation fails; an entry no longer needed is reported so it can go.
 */
const KNOWN_EXCEPTIONS: readonly string[] = [];

/** The layers below the API: they never reach up into it. */
const LOWER = /^server\/src\/(core|limits|entities|services|documents|imports|db|domain)\//;
const API = /^server\/src\/(graphql|http)\//;

const serverEdges: ImportEdge[] = sourceFiles("server/src").flatMap(importsOf);
const extensionEdges: ImportEdge[] = sourceFiles("extension/src").flatMap(importsOf);
const named = (edge: ImportEdge) => `${edge.from} -> ${edge.to ?? edge.specifier}`;
const excepted = new Set(KNOWN_EXCEPTIONS);

describe("the dependency rules", () => {
  it("reads the imports it checks (every relative import resolves to a file)", () => {
    expect(serverEdges.length).toBeGreaterThan(300);
    const unresolved = [...serverEdges, ...extensionEdges].filter((e) => e.specifier.startsWith(".") && !e.to?.endsWith(".ts"));
    expect(unresolved.map(named)).toEqual([]);
  });

  it("domain/ imports nothing but itself: no package, no other folder of ours", () => {
    const outside = serverEdges.filter((e) => e.from.startsWith("server/src/domain/") && !e.to?.startsWith("server/src/domain/"));
    expect(outside.map(named)).toEqual([]);
  });

  it("core/ imports nothing of ours but domain/: it sits below the entities", () => {
    const outside = serverEdges.filter((e) => e.from.startsWith("server/src/core/") && e.to !== null && !/^server\/src\/(core|domain)\//.test(e.to));
    expect(outside.map(named)).toEqual([]);
  });

  it("core/, limits/, entities/, services/, documents/, imports/ and db/ never import graphql/ or http/", () => {
    const upward = serverEdges.filter((e) => LOWER.test(e.from) && e.to !== null && API.test(e.to)).map(named);
    expect(upward.filter((edge) => !excepted.has(edge))).toEqual([]);
  });

  it("the extension reaches the server only through @cchc/domain", () => {
    const outside = extensionEdges.filter((e) => e.to !== null && !e.to.startsWith("extension/"));
    // The GraphiQL console is the extension's own webview bundle (console/), built beside it; the
    // relay protocol is the one file the two sides share.
    const allowed = (e: ImportEdge) => e.specifier === "@cchc/domain" || e.to === "console/src/relay-protocol.ts";
    expect(outside.filter((e) => !allowed(e)).map(named)).toEqual([]);
    expect(extensionEdges.filter((e) => /(^|\/)server\//.test(e.specifier)).map(named)).toEqual([]);
  });

  it("has no cycle between the server's folders (and its top-level files)", () => {
    const graph = new Map<string, Set<string>>();
    for (const edge of serverEdges) {
      const from = layerOf(edge.from);
      const to = edge.to === null ? null : layerOf(edge.to);
      if (from === null || to === null || from === to || excepted.has(named(edge))) continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)!.add(to);
    }
    expect(cyclesOf(graph)).toEqual([]);
  });

  it("lists no exception that is no longer needed", () => {
    const present = new Set(serverEdges.map(named));
    const stale = KNOWN_EXCEPTIONS.filter((edge) => !present.has(edge));
    // Reported, not failed: another change may fix a rule before this list is edited.
    if (stale.length > 0) console.warn(`dependency-rules.test.ts: remove from KNOWN_EXCEPTIONS:\n  ${stale.join("\n  ")}`);
    expect(KNOWN_EXCEPTIONS.length).toBe(new Set(KNOWN_EXCEPTIONS).size);
  });
});
