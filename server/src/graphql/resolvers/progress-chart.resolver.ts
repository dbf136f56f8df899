import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { progressChartDocument } from "../../documents/charts/progress-chart.file.js";
import { directiveOrNotFound } from "../../services/lookups.js";
import type { GraphQLContext } from "../context.js";
import { DateTimeScalar } from "../../core/scalars.js";
import { DocumentType } from "../types/document.type.js";

/** The chart of the Markdown report, a file of its own so the report can link it beside itself. */
@Resolver()
export class ProgressChartResolver {
  @Query(() => DocumentType, {
    description:
      "The progress chart (the board's and each unit's rate per day, the deadline, forecasts of the units at risk) as an SVG file, named as the Markdown report of the same asOf links it. Unknown directive: NOT_FOUND.",
  })
  async complianceReportChart(
    @Arg("directiveId", () => ID) directiveId: string,
    @Arg("asOf", () => DateTimeScalar, { nullable: true }) asOf: Date | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<DocumentType> {
    const directive = await directiveOrNotFound(ctx.db, directiveId);
    return DocumentType.of(progressChartDocument(ctx.db, directive, asOf ?? ctx.now));
  }
}
