import { Table, type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * letter_settings: the Office's edits to the letters' texts (agency, signer, the sentences of
 * each form), one JSON document per name. Absent rows mean the shipped defaults
 * (server/src/documents/texts/default-letter-texts.ts), so a fresh database needs no data here.
 */
export class LetterSettings1700000003000 implements MigrationInterface {
  name = "LetterSettings1700000003000";

  async up(queryRunner: QueryRunner): Promise<void> {
    const isMysql = queryRunner.connection.driver.options.type === "mysql";
    await queryRunner.createTable(
      new Table({
        name: "letter_settings",
        columns: [
          {
            name: "name",
            type: "varchar",
            length: "100",
            isPrimary: true,
            ...(isMysql ? { collation: "utf8mb4_bin" } : {}),
          },
          // MEDIUMTEXT on MariaDB: TEXT's 64 KB could cut a long set of forms short.
          { name: "json", type: isMysql ? "mediumtext" : "text" },
          { name: "updatedAt", type: "datetime", precision: 3 },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("letter_settings");
  }
}
