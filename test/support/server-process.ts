import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const MAIN = join(process.cwd(), "dist/server/src/main.js");

export interface ServerProcess {
  child: ChildProcess;
  /** Resolves with the port once the process printed that it is up; rejects when it exits first. */
  ready: Promise<number>;
  output(): string;
  /** Stops this process (SIGTERM, then SIGKILL after 5 s) and waits for it to exit. */
  stop(): Promise<void>;
}

/** The built server (`npm test` builds it first; `npx tsc -p tsconfig.json` does too), as its own process. */
export function startServerProcess(env: Record<string, string>): ServerProcess {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build first (npx tsc -p tsconfig.json).`);
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? "", PORT: "0", LOG_LEVEL: "warn", CCHC_DEMO: "false", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  const ready = new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      text += chunk.toString("utf8");
      const match = /http:\/\/localhost:(\d+)\/health/.exec(text);
      if (match) resolve(Number(match[1]));
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`the server exited with ${code} before it was up:\n${text}`)));
  });
  ready.catch(() => undefined);
  return {
    child,
    ready,
    output: () => text,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const killer = setTimeout(() => child.kill("SIGKILL"), 5000);
        child.once("exit", () => {
          clearTimeout(killer);
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}
