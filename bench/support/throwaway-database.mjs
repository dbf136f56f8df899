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
  await untilEveryConnectionSees(mysql, { ...connection, database: name });
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

/**
 * Through a Galera cluster's proxy, the next connection may reach a node that has not applied the
 * CREATE DATABASE yet ("Unknown database", seen once at 100,000 cases): six connections in a row
 * that open it, round robin over the nodes, cover all three. One try on a single server.
 */
async function untilEveryConnectionSees(mysql, options) {
  for (let opened = 0, tries = 0; opened < 6; tries += 1) {
    try {
      await (await mysql.createConnection(options)).end();
      opened += 1;
    } catch (error) {
      if (error.errno !== 1049 || tries > 100) throw error;
      opened = 0;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
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
