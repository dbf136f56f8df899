import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectEntities } from "../../../server/src/db/entity-select.js";
import { compareCodePoints } from "../../../server/src/domain/code-order.js";
import { Directive } from "../../../server/src/entities/directive.entity.js";
import { Unit } from "../../../server/src/entities/unit.entity.js";
import { latestDirective } from "../../../server/src/services/directives.js";
import { unitsByCode } from "../../../server/src/services/units.js";
import { createTestDatabase, testDrivers, type TestDatabase } from "../../support/databases.js";

/** What TypeORM's own reads give: the same values, types and class, for the reads the board makes without its query builder. */
describe.each(testDrivers())("selectEntities on %s", (driver) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(driver);
    const { db } = database;
    await db.query("INSERT INTO units (code, name, kind) VALUES ('VP', 'Văn phòng', 'DEPARTMENT'), ('ĐT', 'Phòng Đầu tư', 'DEPARTMENT'), ('a1', 'Trung tâm', 'SERVICE_UNIT')");
    await db.query(
      "INSERT INTO directives (number, subject, issuedOn, periodStart, periodEnd, deadline) VALUES (?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?)",
      [
        ...["1/TB-BQL", "Năm 2023", "2023-11-08", "2023-01-01", "2023-12-31", "2023-11-17"],
        ...["2/TB-BQL", "Năm 2023, lần 2", "2023-11-09", "2023-01-01", "2023-12-31", "2023-11-17"],
        ...["3/TB-BQL", "Năm 2023, lần 3", "2023-11-09", "2023-01-01", "2023-12-31", "2023-11-17"],
      ],
    );
  });
  afterAll(() => database?.drop());

  const described = (entity: object) => ({ type: entity.constructor.name, values: Object.entries(entity).map(([k, v]) => [k, typeof v, v]) });

  it("reads the latest directive as the query builder did (ties to the later issuedOn, then the later id)", async () => {
    const { db } = database;
    const builder = await db
      .getRepository(Directive)
      .createQueryBuilder("d")
      .orderBy("d.deadline", "DESC")
      .addOrderBy("d.issuedOn", "DESC")
      .addOrderBy("d.id", "DESC")
      .limit(1)
      .getOne();
    const latest = await latestDirective(db);
    expect(latest?.number).toBe("3/TB-BQL");
    expect(described(latest as Directive)).toEqual(described(builder as Directive));
    // Inside a transaction too, on the transaction's connection.
    expect(described((await db.transaction((manager) => latestDirective(manager))) as Directive)).toEqual(described(latest as Directive));
  });

  it("reads the units as find() did, in code-point order", async () => {
    const { db } = database;
    const found = (await db.getRepository(Unit).find()).sort((a, b) => compareCodePoints(a.code, b.code));
    const units = await unitsByCode(db);
    expect(units.map((u) => u.code)).toEqual(["VP", "a1", "ĐT"]);
    expect(units.map(described)).toEqual(found.map(described));
  });

  it("takes parameters, and refuses a property the entity has not", async () => {
    const { db } = database;
    expect((await selectEntities(db, Unit, "WHERE {code} = ?", ["VP"])).map((u) => u.name)).toEqual(["Văn phòng"]);
    await expect(selectEntities(db, Unit, "ORDER BY {nope}")).rejects.toThrow(/Unit has no column for property "nope"/);
  });
});
