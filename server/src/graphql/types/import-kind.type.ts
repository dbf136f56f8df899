import { registerEnumType } from "type-graphql";
import type { ImportKind } from "../../imports/import-columns.js";

/** The three import formats, as GraphQL names them. */
export enum ImportKindEnum {
  CASES = "CASES",
  APOLOGIES = "APOLOGIES",
  HPNET_TASKS = "HPNET_TASKS",
}
registerEnumType(ImportKindEnum, {
  name: "ImportKind",
  description: "One of the three import formats: cases (importCases), apologies (importApologies), HpNet tasks (importHpNetTasks).",
});

export const IMPORT_KIND_OF: Readonly<Record<ImportKindEnum, ImportKind>> = {
  [ImportKindEnum.CASES]: "cases",
  [ImportKindEnum.APOLOGIES]: "apologies",
  [ImportKindEnum.HPNET_TASKS]: "tasks",
};
