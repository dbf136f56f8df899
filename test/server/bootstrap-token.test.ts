import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { startServerProcess, type ServerProcess } from "../support/server-process.js";

/**
 * The first start without CCHC_ADMIN_TOKEN issues an admin token: into a file only its owner
 * can read, never onto stdout (it ends up in logs and scrollback). The built server, as `npm start` runs it.
 */
describe("the first start's admin token", () => {
  const dir = mkdtempSync(join(tmpdir(), "cchc-bootstrap-"));
  const tokenFile = join(dir, "secrets", "admin-token");
  const env = { DATABASE_URL: `sqlite:${join(dir, "cchc.sqlite")}`, CCHC_ADMIN_TOKEN_FILE: tokenFile };
  let server: ServerProcess | undefined;

  afterEach(() => server?.stop());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is written to a 0600 file whose path is printed, works, and is not printed itself", async () => {
    server = startServerProcess(env);
    const port = await server.ready;
    await new Promise((resolve) => setTimeout(resolve, 200)); // the rest of the start-up text
    const token = readFileSync(tokenFile, "utf8").trim();
    expect(token).toMatch(/^cchc_/);
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
    expect(server.output()).toContain(`written to ${tokenFile}`);
    expect(server.output()).not.toContain(token);
    expect(server.output()).not.toMatch(/cchc_[A-Za-z0-9_-]{10,}/);

    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: "{ me { role } }" }),
    });
    expect(await response.json()).toEqual({ data: { me: { role: "ADMIN" } } });
  }, 60_000);

  it("is not issued again on the next start", async () => {
    rmSync(tokenFile);
    server = startServerProcess(env);
    await server.ready;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(existsSync(tokenFile)).toBe(false);
    expect(server.output()).toMatch(/already issued earlier/);
  }, 60_000);
});
