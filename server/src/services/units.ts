import type { DataSource } from "typeorm";
import { selectEntities } from "../db/entity-select.js";
import { Unit } from "../entities/unit.entity.js";
import { compareCodePoints } from "../domain/code-order.js";

/** Every unit, ordered by code in code points (the contract's order, whatever the database's collation). */
export async function unitsByCode(db: DataSource): Promise<Unit[]> {
  const units = await selectEntities(db, Unit, "");
  return units.sort((a, b) => compareCodePoints(a.code, b.code));
}
