import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDrivers } from "../../support/databases.js";
import { importOverdueCases, seedBasics } from "../../support/fixtures.js";
import { ADMIN_TOKEN, startTestServer, type TestServer } from "../../support/test-server.js";

/**
 * A long download shares the process with every other request. On SQLite each read is synchronous,
 * so a client that takes the letters as fast as they are made never fills the socket, and before
 * the generation gave the event loop turns (documents/stream-output.ts) a million-case zip held the
 * process for two minutes: /health went unanswered for 60 s. The client here is a process of its
 * own, as a real one is; the event loop's longest stall is measured in this process, the server's.
 */
const LETTERS = 2500;

/** Downloads `url` with the bearer token into nothing, printing the byte count. */
const DOWNLOADER = `
const [url, token] = process.argv.slice(1);
const response = await fetch(url, { headers: { authorization: "Bearer " + token } });
let bytes = 0;
for await (const chunk of response.body) bytes += chunk.length;
console.log(JSON.stringify({ status: response.status, bytes }));
`;

function download(url: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", DOWNLOADER, url, ADMIN_TOKEN], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (data) => (out += data));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`the downloader exited with ${code}`))));
  });
}

describe.each(testDrivers())("a long download leaves the server free to answer, on %s", (driver) => {
  let server: TestServer;
  let directiveId: string;

  beforeAll(async () => {
    server = await startTestServer(driver);
    directiveId = await seedBasics(server, [["A1", "Phòng Một", "DEPARTMENT"]]);
    await importOverdueCases(server, "TURN-", LETTERS, "A1");
    // One apology a case, written directly: LETTERS issueApology requests would be the slow part of this test.
    const db = server.database.db;
    const ids: { id: unknown }[] = await db.query("SELECT id FROM cases ORDER BY id");
    for (let start = 0; start < ids.length; start += 500) {
      const batch = ids.slice(start, start + 500);
      await db.query(
        `INSERT INTO apologies (caseId, number, issuedAt, reason, newDueAt, signer) VALUES ${batch.map(() => "(?, ?, ?, ?, ?, ?)").join(", ")}`,
        batch.flatMap(({ id }, i) => [Number(id), `${start + i + 1}/PXL`, "2023-03-11 02:00:00", "Chờ ý kiến thẩm định", "2023-03-20 02:00:00", "Người ký"]),
      );
    }
  }, 180_000);
  afterAll(async () => server?.close());

  it("gives the event loop turns all through the letters' zip", async () => {
    // A first letter builds the letter code's caches, as any earlier download in a running server has.
    expect((await download(`${server.url}/documents/apology-letter?caseCode=TURN-0001`)).status).toBe(200);
    // A timer every 5 ms in this process, the server's: a gap over 100 ms between two ticks is a stall.
    let stalledMs = 0;
    let last = performance.now();
    const tick = setInterval(() => {
      const now = performance.now();
      if (now - last > 100) stalledMs += now - last;
      last = now;
    }, 5);
    const started = performance.now();
    const result = await download(`${server.url}/documents/apology-letters?directiveId=${directiveId}`);
    const downloadMs = performance.now() - started;
    clearInterval(tick);
    expect(result.status).toBe(200);
    expect(result.bytes).toBeGreaterThan(LETTERS * 10_000);
    // Before the turns, stalls were nine tenths of the download; with them, a one-off template build and
    // the collector's pauses on a loaded machine stay far under a quarter.
    expect(stalledMs / downloadMs, `${stalledMs.toFixed(0)} ms stalled in a ${downloadMs.toFixed(0)} ms download`).toBeLessThan(0.25)
  }, 120_000);
});
