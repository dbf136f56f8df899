import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDrivers } from "../support/databases.js";
import { ADMIN_TOKEN, startTestServer, type TestServer } from "../support/test-server.js";
import { MUTATIONS, malformedCallOf } from "./fuzz-targets.js";
import { MUTATION_OF, VALID_ROWS, damagedXlsx, malformedCsv, toXlsx, xlsxDamage, type ImportKindName } from "./import-files.js";
import { seedFuzzData, snapshot } from "./fuzz-seed.js";

/**
 * Generated malformed requests against the real HTTP server: every mutation with wrong types, huge and
 * control-character text, lone surrogates, impossible dates, SQL and formula injection and huge numbers
 * in its variables; CSV texts and .xlsx files (broken zips, random bytes, truncations, wrong headers) for
 * the three import kinds. Each answer must be a coded error or a success, never INTERNAL_SERVER_ERROR
 * or a hang, and a refusal must leave every table exactly as it was (row counts and checksums).
 *
 * Runs: CCHC_FUZZ_RUNS (default 600 on SQLite: half mutations, a quarter CSV, a quarter .xlsx);
 * CCHC_FUZZ_RUNS_MARIADB (default 120) on MariaDB; CCHC_FUZZ_SEED replays a failure's seed.
 */
const RUNS = { sqlite: Number(process.env.CCHC_FUZZ_RUNS ?? 600), mariadb: Number(process.env.CCHC_FUZZ_RUNS_MARIADB ?? 120) };
const SEED = process.env.CCHC_FUZZ_SEED ? Number(process.env.CCHC_FUZZ_SEED) : undefined;
/** An answer slower than this is a hang. */
const ANSWER_BOUND_MS = 30_000;
const CONTRACT_CODES = new Set(["BAD_USER_INPUT", "NOT_FOUND", "CONFLICT", "FORBIDDEN", "UNAUTHENTICATED"]);

interface Answer {
  status: number;
  body: { data?: Record<string, any> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

const short = (value: unknown) => {
  const text = JSON.stringify(value, (_k, v) => (typeof v === "string" && v.length > 120 ? `${v.slice(0, 120)}…(${v.length} chars)` : v));
  return text.length > 1500 ? `${text.slice(0, 1500)}…` : text;
};

describe.each(testDrivers())("fuzz: malformed requests on %s", (driver) => {
  let server: TestServer;
  const runs = RUNS[driver];
  const validXlsx = new Map<ImportKindName, Buffer>();
  const seen = { requests: 0, refused: 0, accepted: 0, codes: new Map<string, number>(), targets: new Set<string>() };

  beforeAll(async () => {
    server = await startTestServer(driver, { writesPerToken: 0 });
    await seedFuzzData(server);
    for (const kind of Object.keys(VALID_ROWS) as ImportKindName[]) validXlsx.set(kind, await toXlsx(VALID_ROWS[kind]));
  });
  afterAll(async () => {
    await server?.close();
    console.info(
      `fuzz on ${driver}: ${seen.requests} malformed requests over ${seen.targets.size} targets (mutations, and .xlsx imports by damage); ${seen.refused} refused, ${seen.accepted} accepted; codes ${short(Object.fromEntries(seen.codes))}`,
    );
  });

  async function post(query: string, variables: Record<string, unknown>): Promise<Answer> {
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(ANSWER_BOUND_MS),
    });
    const text = await response.text();
    let body: Answer["body"];
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`HTTP ${response.status}, not JSON: ${text.slice(0, 300)}`);
    }
    return { status: response.status, body };
  }

  /** Sends one malformed request and holds the answer and the database to the rules. */
  async function check(target: string, query: string, variables: Record<string, unknown>, dryRun = false): Promise<void> {
    const before = await snapshot(server.database.db);
    const { status, body } = await post(query, variables).catch((error: Error) => {
      throw new Error(`${target}: no answer (${error.message}) to ${short(variables)}`);
    });
    seen.requests++;
    seen.targets.add(target);
    const codes = (body.errors ?? []).map((e) => e.extensions?.code ?? "(none)");
    for (const code of codes) seen.codes.set(code, (seen.codes.get(code) ?? 0) + 1);
    const context = `${target} answered HTTP ${status} ${short(body.errors ?? body.data)} to ${short(variables)}`;
    expect(status, context).not.toBe(500);
    for (const code of codes) expect(CONTRACT_CODES.has(code), context).toBe(true);

    const importErrors = body.data ? Object.values(body.data).find((v) => v && Array.isArray(v.errors))?.errors : undefined;
    const refused = codes.length > 0 || (importErrors?.length ?? 0) > 0;
    if (refused || dryRun) {
      seen.refused += refused ? 1 : 0;
      expect(await snapshot(server.database.db), `a refusal wrote: ${context}`).toEqual(before);
    } else {
      seen.accepted++;
    }
  }

  const options = (numRuns: number) => ({ numRuns, seed: SEED, endOnFailure: true });

  // Half the runs, shared out over the mutations, so every one is fuzzed whatever the count.
  const perMutation = Math.max(1, Math.ceil(runs / 2 / MUTATIONS.length));
  it.each(MUTATIONS.map((m) => [m.name, m] as const))(`answers ${perMutation} malformed calls of %s with a coded error and no write`, { timeout: 600_000 }, async (_name, target) => {
    await fc.assert(
      fc.asyncProperty(malformedCallOf(target), async (variables) => {
        await check(target.name, target.query, variables, variables.dryRun === true);
      }),
      options(perMutation),
    );
  });

  it(`refuses ${Math.ceil(runs / 4)} malformed CSV imports whole`, { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(malformedCsv, async ({ kind, dryRun, text }) => {
        const mutation = MUTATION_OF[kind].csv;
        await check(mutation, `mutation($csv: String!, $dryRun: Boolean) { ${mutation}(csv: $csv, dryRun: $dryRun) { created updated unchanged errors { line message } } }`, { csv: text, dryRun }, dryRun);
      }),
      options(Math.ceil(runs / 4)),
    );
  });

  it(`refuses ${Math.ceil(runs / 4)} damaged .xlsx imports whole`, { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(xlsxDamage, async ({ kind, dryRun, damage }) => {
        const mutation = MUTATION_OF[kind].xlsx;
        const file = await damagedXlsx(kind, damage, validXlsx.get(kind)!);
        await check(`${mutation} (${damage.how})`, `mutation($file: String!, $dryRun: Boolean) { ${mutation}(contentBase64: $file, dryRun: $dryRun) { created updated unchanged errors { line message } } }`, { file, dryRun }, dryRun);
      }),
      options(Math.ceil(runs / 4)),
    );
  });
});
