/**
 * The contract's enums, below the API (entities, imports and services use them); values equal the
 * domain's strings. graphql/enums.ts registers them with type-graphql.
 */
export enum UnitKind {
  DEPARTMENT = "DEPARTMENT",
  SERVICE_UNIT = "SERVICE_UNIT",
}

export enum TimelinessEnum {
  EARLY = "EARLY",
  ON_TIME = "ON_TIME",
  LATE = "LATE",
  IN_PROGRESS = "IN_PROGRESS",
  OVERDUE = "OVERDUE",
}

export enum ComplianceStatusEnum {
  COMPLIANT = "COMPLIANT",
  IN_PROGRESS = "IN_PROGRESS",
  NON_COMPLIANT = "NON_COMPLIANT",
}

export enum Role {
  ADMIN = "ADMIN",
  OFFICER = "OFFICER",
  VIEWER = "VIEWER",
}

export enum HolidayKind {
  HOLIDAY = "HOLIDAY",
  MAKEUP_WORKDAY = "MAKEUP_WORKDAY",
}
