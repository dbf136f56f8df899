import { registerEnumType } from "type-graphql";

/** GraphQL faces of the domain's string unions; values equal the domain's strings. */
export enum UnitKind {
  DEPARTMENT = "DEPARTMENT",
  SERVICE_UNIT = "SERVICE_UNIT",
}
registerEnumType(UnitKind, {
  name: "UnitKind",
  description: "Phòng chuyên môn (DEPARTMENT) or đơn vị sự nghiệp trực thuộc (SERVICE_UNIT).",
});

export enum TimelinessEnum {
  EARLY = "EARLY",
  ON_TIME = "ON_TIME",
  LATE = "LATE",
  IN_PROGRESS = "IN_PROGRESS",
  OVERDUE = "OVERDUE",
}
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

export enum ComplianceStatusEnum {
  COMPLIANT = "COMPLIANT",
  IN_PROGRESS = "IN_PROGRESS",
  NON_COMPLIANT = "NON_COMPLIANT",
}
registerEnumType(ComplianceStatusEnum, {
  name: "ComplianceStatus",
  valuesConfig: {
    COMPLIANT: { description: "rate is 1." },
    IN_PROGRESS: { description: "rate is below 1 and the moment is not past the deadline." },
    NON_COMPLIANT: { description: "rate is below 1 and the moment is past the deadline." },
  },
});

export enum Role {
  ADMIN = "ADMIN",
  OFFICER = "OFFICER",
  VIEWER = "VIEWER",
}
registerEnumType(Role, {
  name: "Role",
  description: "ADMIN does everything; OFFICER reads all and writes its own unit's cases, apologies and tasks; VIEWER reads.",
});

export enum HolidayKind {
  HOLIDAY = "HOLIDAY",
  MAKEUP_WORKDAY = "MAKEUP_WORKDAY",
}
registerEnumType(HolidayKind, {
  name: "HolidayKind",
  description: "HOLIDAY: a weekday off. MAKEUP_WORKDAY: a weekend day worked instead (ngày làm bù).",
});
