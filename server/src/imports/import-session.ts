import type { EntityManager } from "typeorm";
import { Unit } from "../entities/unit.entity.js";
import { mayWrite, type Principal } from "../core/principal.js";

export interface UnitRef {
  id: number;
  code: string;
}

/** What one import run shares across its batches: the transaction, who imports, the units. */
export class ImportSession {
  private constructor(
    readonly manager: EntityManager,
    readonly actor: Principal,
    /** Whether key lookups lock what they read (an import that writes) or only read (a dry run). */
    readonly lockKeys: boolean,
    private readonly unitsByCode: ReadonlyMap<string, UnitRef>,
    private readonly unitsById: ReadonlyMap<number, UnitRef>,
  ) {}

  /** Units are few (tens): one statement loads them all for every row's unit check. */
  static async open(manager: EntityManager, actor: Principal, lockKeys: boolean): Promise<ImportSession> {
    const units = await manager.getRepository(Unit).find({ select: { id: true, code: true } });
    return new ImportSession(
      manager,
      actor,
      lockKeys,
      new Map(units.map((u) => [u.code, { id: u.id, code: u.code }])),
      new Map(units.map((u) => [u.id, { id: u.id, code: u.code }])),
    );
  }

  unitByCode(code: string): UnitRef | undefined {
    return this.unitsByCode.get(code);
  }

  unitCodeOf(id: number): string {
    return this.unitsById.get(id)?.code ?? String(id);
  }

  /** ADMIN imports for every unit, an OFFICER for its own only (VIEWERs never get this far). */
  mayWrite(unitId: number): boolean {
    return mayWrite(this.actor, unitId);
  }

  /** The OFFICER's own unit, for messages. */
  ownUnitCode(): string {
    return this.actor.unitId === null ? "none" : this.unitCodeOf(this.actor.unitId);
  }
}

export const unknownUnitMessage = (code: string): string =>
  `Unit "${code}" does not exist; correct the code or have an administrator create the unit first.`;
