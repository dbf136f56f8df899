import { Table, type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * audit_entries: one row per successful write, appended in the write's transaction (the audit
 * trail, Query.auditLog). Read newest first, so the (at, id) index serves the order and keyset
 * pages; subjectKey and actorTokenId are the filters an administrator reaches for.
 */
export class AuditEntries1700000006000 implements MigrationInterface {
  name = "AuditEntries1700000006000";

  async up(queryRunner: QueryRunner): Promise<void> {
    const isMysql = queryRunner.connection.driver.options.type === "mysql";
    const binary = isMysql ? { collation: "utf8mb4_bin" } : {};
    await queryRunner.createTable(
      new Table({
        name: "audit_entries",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "at", type: "datetime", precision: 3 },
          { name: "actorTokenId", type: "integer", isNullable: true },
          { name: "actorName", type: "varchar", length: "255" },
          { name: "actorRole", type: "varchar", length: "20" },
          { name: "actorUnitId", type: "integer", isNullable: true },
          { name: "operation", type: "varchar", length: "100", ...binary },
          // Keys compare as exact code points, as the records' own keys do.
          { name: "subjectKey", type: "varchar", length: "255", isNullable: true, ...binary },
          // MEDIUMTEXT on MariaDB: a letter-texts edit can exceed TEXT's 64 KB.
          { name: "details", type: isMysql ? "mediumtext" : "text" },
        ],
        indices: [
          { name: "IDX_audit_entries_at_id", columnNames: ["at", "id"] },
          { name: "IDX_audit_entries_subject", columnNames: ["subjectKey", "at"] },
          { name: "IDX_audit_entries_actor", columnNames: ["actorTokenId", "at"] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("audit_entries");
  }
}
