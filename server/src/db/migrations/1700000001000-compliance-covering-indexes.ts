import { TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * The compliance aggregates read a directive's year of cases and tasks by a range on dueAt /
 * assignedAt and group by unit. These indexes hold every column those statements touch, so
 * both databases answer from the index alone instead of visiting each row.
 */
export class ComplianceCoveringIndexes1700000001000 implements MigrationInterface {
  name = "ComplianceCoveringIndexes1700000001000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      "cases",
      new TableIndex({ name: "IDX_cases_compliance", columnNames: ["dueAt", "unitId", "resolvedAt"] }),
    );
    await queryRunner.createIndex(
      "apologies",
      new TableIndex({ name: "IDX_apologies_case_issued", columnNames: ["caseId", "issuedAt"] }),
    );
    await queryRunner.createIndex(
      "hpnet_tasks",
      new TableIndex({
        name: "IDX_hpnet_tasks_compliance",
        columnNames: ["assignedAt", "unitId", "completionReportedAt", "archivedAt", "workFileCreatedAt"],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex("hpnet_tasks", "IDX_hpnet_tasks_compliance");
    await queryRunner.dropIndex("apologies", "IDX_apologies_case_issued");
    await queryRunner.dropIndex("cases", "IDX_cases_compliance");
  }
}
