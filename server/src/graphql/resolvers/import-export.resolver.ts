import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { resolveExport } from "../../imports/export-scope.js";
import { importFormatDocument } from "../../imports/import-format-document.js";
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
    const exported = await resolveExport(ctx.db, directiveId, unitCode);
    return DocumentType.of(importFormatDocument(ctx.db, IMPORT_KIND_OF[kind], exported));
  }
}
