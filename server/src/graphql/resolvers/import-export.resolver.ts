import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { MIME_TYPES, encodeDocument } from "../../documents/document-file.js";
import { resolveExport } from "../../imports/export-scope.js";
import { importFormatCsvBuffer, importFormatFileName } from "../../imports/import-format-export.js";
import type { GraphQLContext } from "../context.js";
import { DocumentType } from "../types/document.type.js";
import { IMPORT_KIND_OF, ImportKindEnum } from "../types/import-kind.type.js";

/** Exports in the import formats, readable by every role: what the Office edits and imports back. */
@Resolver()
export class ImportExportResolver {
  @Query(() => DocumentType, {
    description:
      "A directive's cases (due in its period), apologies (of those cases) or HpNet tasks (assigned in its period), optionally one unit's, as CSV in exactly the import format: importing it changes nothing. The same file downloads from GET /exports/{cases|apologies|tasks}.csv?directiveId=…&unitCode=….",
  })
  async exportForImport(
    @Arg("kind", () => ImportKindEnum) kind: ImportKindEnum,
    @Arg("directiveId", () => ID) directiveId: string,
    @Arg("unitCode", () => String, { nullable: true }) unitCode: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<DocumentType> {
    const { directive, unit, scope } = await resolveExport(ctx.db, directiveId, unitCode);
    const format = IMPORT_KIND_OF[kind];
    return encodeDocument({
      fileName: importFormatFileName(format, directive.number, unit?.code),
      mimeType: MIME_TYPES.csv,
      content: await importFormatCsvBuffer(ctx.db, format, scope),
    });
  }
}
