import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { createApp, type App } from "../../server/src/app.js";
import { seedDemoIfEmpty } from "../../server/src/db/seed/seed-demo.js";

export const ROOT = join(__dirname, "..", "..");
export const ADMIN_TOKEN = "console-test-admin-token-0123456789";
const CHROMIUM = "/usr/bin/chromium";

/**
 * The bundle the server serves, rebuilt here when it is missing or older than its sources or than
 * examples.graphql (whose operations it embeds as tabs), so the tests never check a stale build.
 */
export function ensureConsoleBundle(): void {
  const bundle = join(ROOT, "dist", "console", "console.js");
  const sources = [join(ROOT, "examples.graphql"), ...filesUnder(join(ROOT, "console"))];
  const builtAt = existsSync(bundle) ? statSync(bundle).mtimeMs : 0;
  if (sources.every((file) => !existsSync(file) || statSync(file).mtimeMs <= builtAt)) return;
  execFileSync(process.execPath, [join(ROOT, "console", "build.mjs")], { stdio: "inherit" });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The real server (app factory, migrations, demo data) on SQLite in memory, on a free port. */
export async function startServer(): Promise<{ app: App; base: string }> {
  ensureConsoleBundle();
  const app = await createApp({ database: { type: "sqlite", path: ":memory:" }, adminToken: ADMIN_TOKEN });
  await seedDemoIfEmpty(app.db);
  const port = await app.listen(0, "127.0.0.1");
  return { app, base: `http://127.0.0.1:${port}` };
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: run \`bash test/console/ensure-chromium.sh\` (apt-get install chromium).`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/**
 * A browser context in which every request to a host other than 127.0.0.1 is aborted and recorded, so a
 * test can assert that the console never tried to leave the host (no CDN, no fonts, no telemetry).
 */
export async function closedNetworkContext(browser: Browser): Promise<{ context: BrowserContext; blocked: string[] }> {
  const context = await browser.newContext();
  const blocked: string[] = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1" || url.protocol === "data:") return route.continue();
    blocked.push(url.toString());
    return route.abort("blockedbyclient");
  });
  return { context, blocked };
}

/**
 * A page in a closed-network context that records, as `problems`, its script errors and the
 * Content Security Policy violations the browser reports on its console: both suites expect none.
 */
export async function watchedPage(
  browser: Browser,
): Promise<{ context: BrowserContext; page: Page; blocked: string[]; problems: string[] }> {
  const { context, blocked } = await closedNetworkContext(browser);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) problems.push(message.text());
  });
  return { context, page, blocked, problems };
}

/** The running server and browser a console suite shares, readable once its beforeAll has run. */
export interface ConsoleUnderTest {
  readonly base: string;
  readonly browser: Browser;
}

/** Registers a suite's hooks: the server and Chromium started before its tests, both closed after them. */
export function consoleUnderTest(): ConsoleUnderTest {
  let app: App | undefined;
  let base = "";
  let browser: Browser | undefined;
  beforeAll(async () => {
    ({ app, base } = await startServer());
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  return {
    get base() {
      return base;
    },
    get browser() {
      if (!browser) throw new Error("Chromium runs only once the suite's beforeAll has run");
      return browser;
    },
  };
}
