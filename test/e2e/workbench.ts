import { chromium, type BrowserContext, type Page } from "playwright-core";

/** Driving VS Code's workbench (code-server) from Chromium: the few moves the editor tests need. */
export interface Workbench {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function openWorkbench(codeUrl: string, folder: string, profileDir: string): Promise<Workbench> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${codeUrl}/?folder=${encodeURIComponent(folder)}`);
  await page.locator(".monaco-workbench .part.statusbar").waitFor({ timeout: 60_000 });
  // The workbench answers F1 only once the extension host and the command registry are up.
  await page.locator(".monaco-workbench .part.activitybar").waitFor({ timeout: 60_000 });
  return { context, page, close: () => context.close() };
}

export function quickInput(page: Page) {
  return page.locator(".quick-input-widget input:visible").first();
}

/** Opens the command palette, finds the command by its title ("CCHC: Sign In") and runs it. */
export async function runCommand(page: Page, title: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.keyboard.press("Escape");
    await page.keyboard.press("F1");
    const input = quickInput(page);
    await input.waitFor({ state: "visible", timeout: 10_000 });
    await input.fill(`>${title}`);
    // The row whose label is exactly the title: "…Apology Letter" must not run "…Apology Letters",
    // which the palette may list first as recently used.
    const exact = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
    const row = page
      .locator(".quick-input-list .monaco-list-row")
      .filter({ has: page.locator(".label-name", { hasText: exact }) })
      .first();
    try {
      await row.waitFor({ state: "visible", timeout: 10_000 });
    } catch {
      continue; // the extension's commands are not registered yet: try again
    }
    await row.click();
    return;
  }
  throw new Error(`The command palette does not offer "${title}"`);
}

/** Picks a quick-pick item by its label text. */
export async function pick(page: Page, label: string): Promise<void> {
  const row = page.locator(".quick-input-widget .quick-input-list .monaco-list-row", { hasText: label }).first();
  await row.waitFor({ state: "visible", timeout: 20_000 });
  await row.click();
}

/** Types into the open quick input (an input box, or the simple file dialog's path) and accepts it. */
export async function answer(page: Page, text: string): Promise<void> {
  const input = quickInput(page);
  await input.waitFor({ state: "visible", timeout: 20_000 });
  await input.fill(text);
  await page.waitForTimeout(300);
  await input.press("Enter");
}

/**
 * Answers VS Code's simple file dialog (the one code-server shows) with a path. The dialog follows the
 * value as it changes (it lists the folder reached and completes names), so the whole path is set at once,
 * given time to settle, then accepted. For a folder, Enter may first only open it; Enter again accepts it.
 */
export async function answerDialog(page: Page, path: string): Promise<void> {
  const input = quickInput(page);
  await input.waitFor({ state: "visible", timeout: 20_000 });
  // The dialog writes its starting folder into the box once that folder is listed ("..", its entries);
  // a path typed before then would be overwritten.
  await page.locator(".quick-input-widget .quick-input-list .monaco-list-row").first().waitFor({ timeout: 20_000 });
  for (let attempt = 0; attempt < 3; attempt++) {
    await input.fill(path);
    await page.waitForTimeout(1200);
    if ((await input.inputValue()) === path) break;
  }
  await input.press("Enter");
  for (let i = 0; i < 3; i++) {
    await page.waitForTimeout(1000);
    if (!(await input.isVisible())) return;
    await input.press("Enter");
  }
}

export async function notificationTexts(page: Page): Promise<string[]> {
  return page.locator(".notifications-toasts .notification-list-item-message").allInnerTexts();
}

/**
 * Waits for a notification matching the pattern; an extension error ("CCHC: … failed: …") that does not
 * match ends the wait at once with its text, rather than after the timeout.
 */
export async function waitForNotification(page: Page, pattern: RegExp, timeoutMs = 60_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const texts = await notificationTexts(page);
    const found = texts.find((text) => pattern.test(text));
    if (found) return found;
    const failure = texts.find((text) => /^CCHC: .* failed: /.test(text));
    if (failure) throw new Error(`The extension reported: ${failure}`);
    if (Date.now() > until) {
      throw new Error(`No notification matching ${pattern} within ${timeoutMs} ms; showing: ${JSON.stringify(await notificationTexts(page))}`);
    }
    await page.waitForTimeout(250);
  }
}

export async function clearNotifications(page: Page): Promise<void> {
  await runCommand(page, "Notifications: Clear All Notifications").catch(() => undefined);
}

export interface TreeRow {
  label: string;
  description: string;
  level: number;
  expanded: string | null;
}

/** The rows of the side bar's tree as shown (label, description, depth). */
export async function treeRows(page: Page): Promise<TreeRow[]> {
  const rows = page.locator(".part.sidebar .monaco-list-row");
  const count = await rows.count();
  const result: TreeRow[] = [];
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    result.push({
      label: (await row.locator(".label-name").first().textContent())?.trim() ?? "",
      description: (await row.locator(".label-description").first().textContent().catch(() => ""))?.trim() ?? "",
      level: Number(await row.getAttribute("aria-level")),
      expanded: await row.getAttribute("aria-expanded"),
    });
  }
  return result;
}
