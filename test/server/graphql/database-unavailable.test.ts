import { createConnection } from "mysql2/promise";
import { describe, expect, it } from "vitest";
import { isDatabaseUnreachable } from "../../../server/src/graphql/database-unavailable.js";

describe("isDatabaseUnreachable", () => {
  it("knows a dropped or refused database connection, as the driver or TypeORM hands it on", () => {
    expect(isDatabaseUnreachable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:3306"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnreachable(Object.assign(new Error("Connection lost"), { code: "PROTOCOL_CONNECTION_LOST" }))).toBe(true);
    const wrapped = Object.assign(new Error("Query failed"), { driverError: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }) });
    expect(isDatabaseUnreachable(wrapped)).toBe(true);
    expect(isDatabaseUnreachable(new Error("outer", { cause: Object.assign(new Error("x"), { code: "ER_SERVER_SHUTDOWN" }) }))).toBe(true);
  });

  it("knows 1205 (a row lock waited out, or a Galera node's causal read behind the cluster) as the driver raises it", async () => {
    expect(isDatabaseUnreachable(Object.assign(new Error("Lock wait timeout exceeded"), { code: "ER_LOCK_WAIT_TIMEOUT" }))).toBe(true);
  });

  it.runIf(process.env.CCHC_TEST_MYSQL_URL)("on MariaDB: a write that waits out a row lock is a 'try again', not a bug", async () => {
    const url = new URL(process.env.CCHC_TEST_MYSQL_URL as string);
    const options = { host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username || "root"), password: decodeURIComponent(url.password) };
    const [holder, waiter] = [await createConnection(options), await createConnection(options)];
    // A database of this run's own, dropped after.
    const database = `cchc_lock_wait_${process.pid}`;
    const table = `${database}.t`;
    try {
      await holder.query(`CREATE DATABASE ${database} CHARACTER SET utf8mb4 COLLATE utf8mb4_vietnamese_ci`);
      await holder.query(`CREATE TABLE ${table} (id INT PRIMARY KEY) ENGINE=InnoDB`);
      await holder.query(`INSERT INTO ${table} VALUES (1)`);
      await holder.query("START TRANSACTION");
      await holder.query(`SELECT id FROM ${table} WHERE id = 1 FOR UPDATE`);
      await waiter.query("SET SESSION innodb_lock_wait_timeout = 1");
      const failure = await waiter.query(`UPDATE ${table} SET id = 2 WHERE id = 1`).then(() => null, (error: unknown) => error);
      expect((failure as { errno?: number }).errno).toBe(1205);
      expect(isDatabaseUnreachable(failure)).toBe(true);
    } finally {
      await holder.query("ROLLBACK").catch(() => undefined);
      await holder.query(`DROP DATABASE IF EXISTS ${database}`).catch(() => undefined);
      await Promise.all([holder.end(), waiter.end()]);
    }
  });

  it("leaves every other failure to the generic masked error", () => {
    expect(isDatabaseUnreachable(Object.assign(new Error("Duplicate entry"), { code: "ER_DUP_ENTRY" }))).toBe(false);
    expect(isDatabaseUnreachable(Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" }))).toBe(false);
    expect(isDatabaseUnreachable(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseUnreachable(undefined)).toBe(false);
    expect(isDatabaseUnreachable("ECONNREFUSED")).toBe(false);
  });
});
