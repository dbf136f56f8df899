import express from "express";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphiqlRouter } from "../../server/src/http/graphiql.route.js";

// The route alone, on a bundle folder the test writes, and on one that was never built.
const dir = mkdtempSync(join(tmpdir(), "cchc-graphiql-"));
const built = join(dir, "built");
const servers: Server[] = [];

async function serve(bundleDir: string): Promise<string> {
  const app = express().use(graphiqlRouter({ bundleDir }));
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(() => {
  mkdirSync(join(built, "fonts"), { recursive: true });
  writeFileSync(join(built, "index.html"), '<script nonce="{{nonce}}" src="/graphiql/console.js"></script>');
  writeFileSync(join(built, "console.js"), "/* bundle */");
  writeFileSync(join(dir, "secret.txt"), "outside the bundle");
});

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  rmSync(dir, { recursive: true, force: true });
});

describe("graphiqlRouter", () => {
  it("gives every page load a fresh nonce, in the CSP and on the script", async () => {
    const base = await serve(built);
    const nonces = [];
    for (const path of ["/graphiql", "/graphiql/"]) {
      const response = await fetch(base + path);
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
      expect(await response.text()).toBe(`<script nonce="${nonce}" src="/graphiql/console.js"></script>`);
      nonces.push(nonce);
    }
    expect(new Set(nonces).size).toBe(2);
  });

  it("serves the bundle's files and nothing outside it", async () => {
    const base = await serve(built);
    const script = await fetch(`${base}/graphiql/console.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await script.text()).toBe("/* bundle */");
    expect((await fetch(`${base}/graphiql/%2e%2e/secret.txt`)).status).toBe(404);
    expect((await fetch(`${base}/graphiql/missing.js`)).status).toBe(404);
  });

  it("says how to build the console when it was never built", async () => {
    const base = await serve(join(dir, "never-built"));
    const response = await fetch(`${base}/graphiql`);
    expect(response.status).toBe(503);
    expect(await response.text()).toMatch(/npm run build/);
  });
});
