import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterEach } from "vitest";
import type { Workbench } from "./workbench.js";

/** A variable test/e2e/run-e2e.mjs sets: where code-server, the server and the scratch folders are. */
export function e2eEnv(name: "CCHC_E2E_CODE_URL" | "CCHC_E2E_SERVER_URL" | "CCHC_E2E_TOKEN" | "CCHC_E2E_WORKSPACE" | "CCHC_E2E_WORK"): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this through \`npm run test:e2e\` (test/e2e/run-e2e.mjs).`);
  return value;
}

/** A failed step leaves a picture of the workbench in test-output/ (ignored by git). */
export function screenshotFailedSteps(workbench: () => Workbench | undefined): void {
  afterEach(async (context) => {
    const bench = workbench();
    if (context.task.result?.state !== "fail" || !bench) return;
    const dir = resolve(__dirname, "../../test-output");
    mkdirSync(dir, { recursive: true });
    await bench.page.screenshot({ path: join(dir, `e2e-${context.task.name.replace(/\W+/g, "-")}.png`) }).catch(() => undefined);
  });
}

/** Asks the server itself, to compare the editor with: the data of a query that must succeed. */
export function serverApi(serverUrl: () => string, token: string) {
  return async function api<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(`${serverUrl()}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (body.errors?.length || !body.data) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
}
