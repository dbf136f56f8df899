// A database for one bench run: a SQLite file in a temp folder, or a MariaDB database (utf8mb4,
// utf8mb4_vietnamese_ci) created on the server a mysql:// URL names and dropped after.
// `url` is what DATABASE_URL takes; `config` what openDatabase takes.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

const require = createRequire(import.meta.url);

export async function throwawayDatabase(serverUrl, prefix = "cchc_bench") {
  if (!serverUrl) {
    const dir = mkdtempSync(join(tmpdir(), `${prefix.replace(/_/g, "-")}-`));
    const path = join(dir, "bench.sqlite");
    return {
      url: `sqlite:${path}`,
      config: { type: "sqlite", path },
      path,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const mysql = require("mysql2/promise");
  const server = new URL(serverUrl);
  const connection = {
    host: server.hostname,
    port: Number(server.port || 3306),
    user: decodeURIComponent(server.username || "root"),
    password: decodeURIComponent(server.password),
  };
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  const admin = await mysql.createConnection(connection);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_vietnamese_ci`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    config: { type: "mysql", ...connection, database: name },
    connection: { ...connection, database: name },
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.end();
    },
  };
}

/** "MariaDB 10.11.6" when the server answers within 3 s, else null (no server there). */
export async function mysqlVersion(serverUrl) {
  const mysql = require("mysql2/promise");
  const server = new URL(serverUrl);
  try {
    const c = await mysql.createConnection({
      host: server.hostname,
      port: Number(server.port || 3306),
      user: decodeURIComponent(server.username || "root"),
      password: decodeURIComponent(server.password),
      connectTimeout: 3000,
    });
    const [[{ version }]] = await c.query("SELECT VERSION() AS version");
    await c.end();
    return `MariaDB ${String(version).replace(/-MariaDB.*$/, "")}`;
  } catch {
    return null;
  }
}
