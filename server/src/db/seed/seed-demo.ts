import type { DataSource } from "typeorm";
import { Apology } from "../../entities/apology.entity.js";
import { Case } from "../../entities/case.entity.js";
import { Directive } from "../../entities/directive.entity.js";
import { HpNetTask } from "../../entities/hpnet-task.entity.js";
import { Unit } from "../../entities/unit.entity.js";
import { generateDemo } from "./demo-data.js";
import { DEMO_DIRECTIVE } from "./demo-units.js";

const BATCH = 200;

/** Seeds the demo into an empty database, in one transaction; a database with any unit is left alone. */
export async function seedDemoIfEmpty(db: DataSource): Promise<boolean> {
  if ((await db.getRepository(Unit).count()) > 0) return false;
  const demo = generateDemo();
  await db.transaction(async (manager) => {
    const units = await manager.save(Unit, demo.units.map((u) => manager.create(Unit, u)));
    const unitId = new Map(units.map((u) => [u.code, u.id]));
    await manager.save(Directive, manager.create(Directive, DEMO_DIRECTIVE));
    const cases = await manager.save(
      Case,
      demo.cases.map(({ apology: _apology, unitCode, ...c }) => manager.create(Case, { ...c, unitId: unitId.get(unitCode) })),
      { chunk: BATCH },
    );
    const caseId = new Map(cases.map((c) => [c.code, c.id]));
    await manager.save(
      Apology,
      demo.cases
        .filter((c) => c.apology !== null)
        .map((c) => manager.create(Apology, { ...c.apology, caseId: caseId.get(c.code), publishedVia: c.apology?.publishedAt ? "Bảng niêm yết tại Bộ phận một cửa" : null })),
      { chunk: BATCH },
    );
    await manager.save(
      HpNetTask,
      demo.tasks.map(({ unitCode, ...t }) => manager.create(HpNetTask, { ...t, unitId: unitId.get(unitCode) })),
      { chunk: BATCH },
    );
  });
  return true;
}
