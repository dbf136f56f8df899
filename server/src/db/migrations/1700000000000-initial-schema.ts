import { Table, TableForeignKey, type MigrationInterface, type QueryRunner } from "typeorm";
import type { TableColumnOptions } from "typeorm/schema-builder/options/TableColumnOptions.js";
import { PUBLIC_HOLIDAYS_2023_2024 } from "../../domain/public-holidays.js";

/**
 * The whole first schema, written with the QueryRunner Table API so the one history runs on
 * SQLite and MariaDB/MySQL alike.
 */
export class InitialSchema1700000000000 implements MigrationInterface {
  name = "InitialSchema1700000000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    const isMysql = queryRunner.connection.driver.options.type === "mysql";
    // Keys compare as exact code points on MariaDB too: the database's Vietnamese collation
    // would make "h01" equal "H01" (and "Hà" equal "Ha") and break the unique keys.
    const key = (name: string, length: number): TableColumnOptions => ({
      name,
      type: "varchar",
      length: String(length),
      ...(isMysql ? { collation: "utf8mb4_bin" } : {}),
    });
    const id: TableColumnOptions = {
      name: "id",
      type: "integer",
      isPrimary: true,
      isGenerated: true,
      generationStrategy: "increment",
    };
    const text = (name: string, length: number, isNullable = false): TableColumnOptions => ({
      name,
      type: "varchar",
      length: String(length),
      isNullable,
    });
    const moment = (name: string, isNullable = false): TableColumnOptions => ({
      name,
      type: "datetime",
      precision: 3,
      isNullable,
    });
    const day = (name: string): TableColumnOptions => ({ name, type: "date" });
    const ref = (name: string, isNullable = false): TableColumnOptions => ({ name, type: "integer", isNullable });

    await queryRunner.createTable(
      new Table({
        name: "units",
        columns: [id, key("code", 50), text("name", 255), text("kind", 20)],
        uniques: [{ name: "UQ_units_code", columnNames: ["code"] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "directives",
        columns: [
          id,
          text("number", 100),
          text("subject", 1000),
          day("issuedOn"),
          day("periodStart"),
          day("periodEnd"),
          day("deadline"),
        ],
        indices: [{ name: "IDX_directives_latest", columnNames: ["deadline", "issuedOn"] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "cases",
        columns: [
          id,
          key("code", 100),
          text("procedureName", 500),
          text("applicantName", 255),
          ref("unitId"),
          moment("receivedAt"),
          moment("dueAt"),
          moment("resolvedAt", true),
        ],
        uniques: [{ name: "UQ_cases_code", columnNames: ["code"] }],
        indices: [
          { name: "IDX_cases_unit_due", columnNames: ["unitId", "dueAt"] },
          { name: "IDX_cases_due_code", columnNames: ["dueAt", "code"] },
        ],
        foreignKeys: [fk("FK_cases_unit", "unitId", "units")],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "apologies",
        columns: [
          id,
          ref("caseId"),
          text("number", 100),
          moment("issuedAt"),
          text("reason", 2000),
          moment("newDueAt"),
          text("signer", 255),
          moment("publishedAt", true),
          text("publishedVia", 255, true),
        ],
        uniques: [{ name: "UQ_apologies_case", columnNames: ["caseId"] }],
        foreignKeys: [fk("FK_apologies_case", "caseId", "cases")],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "hpnet_tasks",
        columns: [
          id,
          key("externalId", 100),
          text("title", 1000),
          ref("unitId"),
          text("assignee", 255, true),
          moment("assignedAt"),
          moment("dueAt", true),
          moment("completionReportedAt", true),
          moment("archivedAt", true),
          text("workFileCode", 100, true),
          moment("workFileCreatedAt", true),
        ],
        uniques: [{ name: "UQ_hpnet_tasks_external_id", columnNames: ["externalId"] }],
        indices: [
          { name: "IDX_hpnet_tasks_unit_assigned", columnNames: ["unitId", "assignedAt"] },
          { name: "IDX_hpnet_tasks_assigned_external", columnNames: ["assignedAt", "externalId"] },
        ],
        foreignKeys: [fk("FK_hpnet_tasks_unit", "unitId", "units")],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "holidays",
        columns: [{ name: "date", type: "date", isPrimary: true }, text("kind", 20), text("name", 255)],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: "api_tokens",
        columns: [
          id,
          text("name", 255),
          text("role", 20),
          ref("unitId", true),
          { name: "tokenHash", type: "char", length: "64" },
          moment("createdAt"),
          moment("revokedAt", true),
        ],
        uniques: [{ name: "UQ_api_tokens_hash", columnNames: ["tokenHash"] }],
        foreignKeys: [fk("FK_api_tokens_unit", "unitId", "units")],
      }),
    );

    await queryRunner.manager
      .createQueryBuilder()
      .insert()
      .into("holidays", ["date", "kind", "name"])
      .values(PUBLIC_HOLIDAYS_2023_2024.map((d) => ({ date: d.date, kind: d.kind, name: d.name ?? "" })))
      .execute();
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ["api_tokens", "holidays", "hpnet_tasks", "apologies", "cases", "directives", "units"]) {
      await queryRunner.dropTable(table);
    }
  }
}

function fk(name: string, column: string, table: string): TableForeignKey {
  return new TableForeignKey({
    name,
    columnNames: [column],
    referencedTableName: table,
    referencedColumnNames: ["id"],
    onDelete: "RESTRICT",
  });
}

