import { WorkingCalendar } from "../../domain/calendar.js";
import { SHIPPED_PUBLIC_HOLIDAYS } from "../../domain/public-holidays.js";
import { addDays, fromVietnamWallClock } from "../../domain/vietnam-time.js";
import { DEMO_PEOPLE, DEMO_PROCEDURES, DEMO_TASK_TITLES, DEMO_UNITS, demoApplicant } from "./demo-units.js";

export interface DemoCase {
  code: string;
  procedureName: string;
  applicantName: string;
  unitCode: string;
  receivedAt: Date;
  dueAt: Date;
  resolvedAt: Date | null;
  apology: { number: string; issuedAt: Date; reason: string; newDueAt: Date; signer: string; publishedAt: Date | null } | null;
}

export interface DemoTask {
  externalId: string;
  title: string;
  unitCode: string;
  assignee: string;
  assignedAt: Date;
  dueAt: Date;
  completionReportedAt: Date | null;
  archivedAt: Date | null;
  workFileCode: string | null;
  workFileCreatedAt: Date | null;
}

/** A small deterministic generator (mulberry32): the same demo every time, on every machine. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  return { next, int, pick };
}

const REASONS = [
  "Hồ sơ cần lấy thêm ý kiến của cơ quan liên quan",
  "Cần kiểm tra thực tế tại doanh nghiệp",
  "Cán bộ thụ lý nghỉ ốm đột xuất",
  "Hệ thống phần mềm một cửa gặp sự cố",
];

/**
 * A 2023 year of dossiers and HpNet tasks with the mix the Office sees: mostly early or on
 * time, some late by a few working days (across Tết and the April–May holidays), some never
 * resolved, apologies for part of the late ones (several issued after the due date), and tasks
 * in every state.
 */
export function generateDemo(caseCount = 320, taskCount = 180) {
  const rng = random(20231117);
  const calendar = new WorkingCalendar(SHIPPED_PUBLIC_HOLIDAYS);
  const caseUnits = Object.keys(DEMO_PROCEDURES);
  const cases: DemoCase[] = [];
  for (let i = 1; i <= caseCount; i += 1) {
    const unitCode = rng.pick(caseUnits);
    const receivedDay = addDays("2023-01-03", rng.int(0, 355));
    const receivedAt = fromVietnamWallClock(receivedDay, rng.int(7, 16), rng.int(0, 59));
    const dueDay = calendar.addWorkingDays(receivedDay, rng.pick([3, 5, 7, 10, 15]));
    const dueAt = fromVietnamWallClock(dueDay, 16, 30);
    const roll = rng.next();
    let resolvedAt: Date | null;
    if (roll < 0.45) resolvedAt = fromVietnamWallClock(addDays(dueDay, -rng.int(1, 2)), rng.int(8, 16), rng.int(0, 59));
    else if (roll < 0.7) resolvedAt = fromVietnamWallClock(dueDay, rng.int(8, 16), rng.int(0, 29));
    else if (roll < 0.93) resolvedAt = fromVietnamWallClock(calendar.addWorkingDays(dueDay, rng.int(1, 8)), rng.int(8, 16), rng.int(0, 59));
    else resolvedAt = null;
    if (resolvedAt && resolvedAt < receivedAt) resolvedAt = new Date(receivedAt.getTime() + 3600_000);
    const late = resolvedAt === null || resolvedAt > dueAt;
    const apologize = late && rng.next() < 0.62;
    const apologyIssuedDay = rng.next() < 0.3 ? addDays(dueDay, -1) : addDays(dueDay, rng.int(1, 120));
    cases.push({
      code: `H${String(i).padStart(4, "0")}.2023.${unitCode}`,
      procedureName: rng.pick(DEMO_PROCEDURES[unitCode]),
      applicantName: demoApplicant(rng.pick, i),
      unitCode,
      receivedAt,
      dueAt,
      resolvedAt,
      apology: apologize
        ? {
            number: `${String(i).padStart(2, "0")}/PXL-${unitCode}`,
            issuedAt: fromVietnamWallClock(apologyIssuedDay, 9, 0),
            reason: rng.pick(REASONS),
            newDueAt: fromVietnamWallClock(calendar.addWorkingDays(dueDay, rng.int(3, 10)), 16, 30),
            signer: rng.pick(DEMO_PEOPLE),
            publishedAt: rng.next() < 0.6 ? fromVietnamWallClock(addDays(apologyIssuedDay, 1), 10, 0) : null,
          }
        : null,
    });
  }

  const tasks: DemoTask[] = [];
  for (let i = 1; i <= taskCount; i += 1) {
    const unit = rng.pick(DEMO_UNITS);
    const assignedDay = addDays("2023-01-04", rng.int(0, 340));
    const assignedAt = fromVietnamWallClock(assignedDay, rng.int(8, 16), rng.int(0, 59));
    const dueDay = calendar.addWorkingDays(assignedDay, rng.int(5, 20));
    const doneDay = calendar.addWorkingDays(assignedDay, rng.int(2, 25));
    const state = rng.next();
    const reported = state < 0.72;
    const archived = !reported && state < 0.82;
    const filed = state < 0.55 || (archived && rng.next() < 0.5);
    tasks.push({
      externalId: `HPNET-2023-${String(i).padStart(5, "0")}`,
      title: rng.pick(DEMO_TASK_TITLES),
      unitCode: unit.code,
      assignee: rng.pick(DEMO_PEOPLE),
      assignedAt,
      dueAt: fromVietnamWallClock(dueDay, 17, 0),
      completionReportedAt: reported ? fromVietnamWallClock(doneDay, 15, 0) : null,
      archivedAt: archived ? fromVietnamWallClock(doneDay, 16, 0) : null,
      workFileCode: filed ? `${String(rng.int(1, 40)).padStart(2, "0")}.${unit.code}` : null,
      workFileCreatedAt: filed ? fromVietnamWallClock(calendar.addWorkingDays(doneDay, rng.int(0, 5)), 9, 30) : null,
    });
  }
  return { units: DEMO_UNITS, cases, tasks };
}
