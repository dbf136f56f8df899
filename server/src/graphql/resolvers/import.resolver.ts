import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { loadImportLimits } from "../../config.js";
import { holdsWriteGate } from "../../db/write-gate.js";
import type { ImportKind } from "../../imports/import-columns.js";
import { IMPORT_OPERATIONS, runImport } from "../../imports/import-run.js";
import { csvTextSource, xlsxBufferSource, type ImportSource } from "../../imports/import-source.js";
import type { GraphQLContext } from "../context.js";
import { BadUserInputError } from "../../core/errors.js";
import { ImportResult } from "../types/import-result.type.js";

const CSV_ARG = "The file's text: UTF-8, header line first, comma or semicolon.";
const XLSX_ARG = "The .xlsx file's bytes in base64; its first sheet is read, with the same headers as the CSV.";
const DRY_RUN_ARG = "true: check every row and count what would change, but write nothing.";

/**
 * The three imports of the contract (CSV text) and their .xlsx twins (base64, for the editor
 * extension). ADMIN imports for every unit; an OFFICER only rows of its own unit, any other row
 * being a row error (so nothing is written); a VIEWER is FORBIDDEN.
 */
@Resolver()
export class ImportResolver {
  @Mutation(() => ImportResult, { description: "CSV text; see the import formats in the README." })
  importCases(
    @Arg("csv", () => String, { description: CSV_ARG }) csv: string,
    @Arg("dryRun", () => Boolean, { nullable: true, description: DRY_RUN_ARG }) dryRun: boolean | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return importCsv(ctx, "cases", csv, dryRun === true);
  }

  @Mutation(() => ImportResult, { description: "CSV text; see the import formats in the README." })
  importApologies(
    @Arg("csv", () => String, { description: CSV_ARG }) csv: string,
    @Arg("dryRun", () => Boolean, { nullable: true, description: DRY_RUN_ARG }) dryRun: boolean | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return importCsv(ctx, "apologies", csv, dryRun === true);
  }

  @Mutation(() => ImportResult, { description: "CSV text; see the import formats in the README." })
  importHpNetTasks(
    @Arg("csv", () => String, { description: CSV_ARG }) csv: string,
    @Arg("dryRun", () => Boolean, { nullable: true, description: DRY_RUN_ARG }) dryRun: boolean | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return importCsv(ctx, "tasks", csv, dryRun === true);
  }

  @Mutation(() => ImportResult, { description: "importCases from an Excel workbook (.xlsx)." })
  importCasesXlsx(
    @Arg("contentBase64", () => String, { description: XLSX_ARG }) contentBase64: string,
    @Arg("dryRun", () => Boolean, { nullable: true, description: DRY_RUN_ARG }) dryRun: boolean | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return importXlsx(ctx, "cases", contentBase64, dryRun === true);
  }

  @Mutation(() => ImportResult, { description: "importApologies from an Excel workbook (.xlsx)." })
  importApologiesXlsx(
    @Arg("contentBase64", () => String, { description: XLSX_ARG }) contentBase64: string,
    @Arg("dryRun", () => Boolean, { nullable: true, description: DRY_RUN_ARG }) dryRun: boolean | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return importXlsx(ctx, "apologies", contentBase64, dryRun === true);
  }

  @Mutation(() => ImportResult, { description: "importHpNetTasks from an Excel workbook (.xlsx)." })
  importHpNetTasksXlsx(
    @Arg("contentBase64", () => String, { description: XLSX_ARG }) contentBase64: string,
    @Arg("dryRun", () => Boolean, { nullable: true, description: DRY_RUN_ARG }) dryRun: boolean | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return importXlsx(ctx, "tasks", contentBase64, dryRun === true);
  }
}

function importCsv(ctx: GraphQLContext, kind: ImportKind, csv: string, dryRun: boolean): Promise<ImportResult> {
  return run(ctx, kind, csvTextSource(csv, loadImportLimits().maxCsvBytes), dryRun, IMPORT_OPERATIONS[kind]);
}

function importXlsx(ctx: GraphQLContext, kind: ImportKind, contentBase64: string, dryRun: boolean): Promise<ImportResult> {
  const text = contentBase64.trim();
  if (!/^[A-Za-z0-9+/\r\n]*={0,2}$/.test(text)) {
    throw new BadUserInputError("contentBase64 is not base64; send the .xlsx file's bytes encoded in base64.");
  }
  const bytes = Buffer.from(text, "base64");
  return run(ctx, kind, xlsxBufferSource(bytes, loadImportLimits().maxXlsxUnpackedBytes), dryRun, `${IMPORT_OPERATIONS[kind]}Xlsx`);
}

async function run(
  ctx: GraphQLContext,
  kind: ImportKind,
  source: ImportSource,
  dryRun: boolean,
  operation: string,
): Promise<ImportResult> {
  const { readTimeoutMs, maxRows } = loadImportLimits();
  return runImport(ctx.db, kind, source, {
    actor: ctx.principal,
    dryRun,
    readTimeoutMs,
    maxRows,
    writeTurnHeld: holdsWriteGate(ctx),
    operation,
  });
}
