import { registerEnumType } from "type-graphql";
import { UnitKind, TimelinessEnum, ComplianceStatusEnum, Role, HolidayKind } from "../core/enums.js";

/** The core's enums as the schema names and describes them (imported by schema.ts before the build). */
registerEnumType(UnitKind, {
  name: "UnitKind",
  description: "Phòng chuyên môn (DEPARTMENT) or đơn vị sự nghiệp trực thuộc (SERVICE_UNIT).",
});
registerEnumType(TimelinessEnum, {
  name: "Timeliness",
  valuesConfig: {
    EARLY: { description: "Resolved on a Vietnam day before dueAt's day." },
    ON_TIME: { description: "Resolved on dueAt's Vietnam day, at or before dueAt." },
    LATE: { description: "Resolved after dueAt." },
    IN_PROGRESS: { description: "Not resolved at the moment, which is at or before dueAt." },
    OVERDUE: { description: "Not resolved at the moment, which is after dueAt." },
  },
});
registerEnumType(ComplianceStatusEnum, {
  name: "ComplianceStatus",
  valuesConfig: {
    COMPLIANT: { description: "rate is 1." },
    IN_PROGRESS: { description: "rate is below 1 and the moment is not past the deadline." },
    NON_COMPLIANT: { description: "rate is below 1 and the moment is past the deadline." },
  },
});
registerEnumType(Role, {
  name: "Role",
  description: "ADMIN does everything; OFFICER reads all and writes its own unit's cases, apologies and tasks; VIEWER reads.",
});
registerEnumType(HolidayKind, {
  name: "HolidayKind",
  description: "HOLIDAY: a weekday off. MAKEUP_WORKDAY: a weekend day worked instead (ngày làm bù).",
});
