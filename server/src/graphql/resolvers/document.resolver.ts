import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { NothingToRemindError, apologyLetterDocument, apologyLettersDocument, complianceReportDocument, reminderLetterDocument } from "../../documents/document.service.js";
import { directiveOrNotFound, unitOrNotFound } from "../../services/lookups.js";
import { loadLetterTexts, resetLetterTexts, updateLetterTexts } from "../../documents/texts/letter-texts.store.js";
import { LetterTextsProblems } from "../../documents/texts/letter-texts.validation.js";
import { requireAdmin } from "../../core/principal.js";
import { documentChanges } from "../../services/audit-details.js";
import { auditedWrite } from "../audited-write.js";
import type { GraphQLContext } from "../context.js";
import { BadUserInputError, ConflictError } from "../../core/errors.js";
import { DateTimeScalar } from "../../core/scalars.js";
import { DocumentType, ReportFormat } from "../types/document.type.js";
import { requiredText } from "../validation.js";

/** The letters and reports as Documents: downloadPath streams each over GET /documents/…; contentBase64 inlines files up to 32 MiB. */
@Resolver()
export class DocumentResolver {
  @Query(() => DocumentType, { description: "The apology letter of one case, as .docx." })
  async apologyLetter(@Arg("caseCode", () => String) caseCode: string, @Ctx() ctx: GraphQLContext): Promise<DocumentType> {
    return DocumentType.of(await apologyLetterDocument(ctx.db, requiredText("caseCode", caseCode)));
  }

  @Query(() => DocumentType, {
    description: "Every apology letter of a directive's scope (optionally one unit's), as one .zip of .docx.",
  })
  async apologyLetters(
    @Arg("directiveId", () => ID) directiveId: string,
    @Arg("unitCode", () => String, { nullable: true }) unitCode: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<DocumentType> {
    const directive = await directiveOrNotFound(ctx.db, directiveId);
    const unit = unitCode === null || unitCode === undefined ? null : await unitOrNotFound(ctx.db, unitCode);
    return DocumentType.of(apologyLettersDocument(ctx.db, directive, unit));
  }

  @Query(() => DocumentType, {
    description: "The consolidated report the Office sends on: a summary row per unit, then the outstanding cases and tasks.",
  })
  async complianceReport(
    @Arg("directiveId", () => ID) directiveId: string,
    @Arg("format", () => ReportFormat) format: ReportFormat,
    @Arg("asOf", () => DateTimeScalar, { nullable: true }) asOf: Date | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<DocumentType> {
    const directive = await directiveOrNotFound(ctx.db, directiveId);
    return DocumentType.of(complianceReportDocument(ctx.db, directive, format, asOf ?? ctx.now));
  }

  @Query(() => DocumentType, {
    description:
      "A reminder (văn bản đôn đốc) to every unit below 100%, listing what each still owes, as .docx. CONFLICT when every unit is at 100%.",
  })
  async reminderLetter(
    @Arg("directiveId", () => ID) directiveId: string,
    @Arg("asOf", () => DateTimeScalar, { nullable: true }) asOf: Date | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<DocumentType> {
    const directive = await directiveOrNotFound(ctx.db, directiveId);
    const moment = asOf ?? ctx.now;
    try {
      return DocumentType.of(await reminderLetterDocument(ctx.db, directive, moment));
    } catch (error) {
      if (error instanceof NothingToRemindError) {
        throw new ConflictError(
          `Every unit is at 100% for directive ${directive.number} as of ${moment.toISOString()}: there is no one to remind.`,
        );
      }
      throw error;
    }
  }

  @Query(() => String, {
    description:
      "The texts of the letters in force (agency, place, signers, the sentences of each apology form and of the reminder), as JSON.",
  })
  async letterTexts(@Ctx() ctx: GraphQLContext): Promise<string> {
    return JSON.stringify(await loadLetterTexts(ctx.db), null, 2);
  }

  @Mutation(() => String, {
    description:
      "ADMIN: edits the letters' texts. `json` is a partial texts document merged onto the texts in force (objects merge, strings and lists replace, null removes); answers the texts now in force. Sentences may use only their listed {placeholders}.",
  })
  async updateLetterTexts(@Arg("json", () => String) json: string, @Ctx() ctx: GraphQLContext): Promise<string> {
    requireAdmin(ctx.principal);
    let patch: unknown;
    try {
      patch = JSON.parse(json);
    } catch (error) {
      throw new BadUserInputError(`json is not valid JSON: ${(error as Error).message}`);
    }
    try {
      const texts = await auditedWrite(ctx, "updateLetterTexts", async (manager) => {
        const before = await loadLetterTexts(manager);
        const value = await updateLetterTexts(manager, patch);
        return { value, subjectKey: null, details: documentChanges(before, value) };
      });
      return JSON.stringify(texts, null, 2);
    } catch (error) {
      if (error instanceof LetterTextsProblems) throw new BadUserInputError(error.message, { problems: error.problems });
      throw error;
    }
  }

  @Mutation(() => String, { description: "ADMIN: puts the shipped texts (Hai Phong Economic Zone Authority, Circular 01/2018 form) back in force." })
  async resetLetterTexts(@Ctx() ctx: GraphQLContext): Promise<string> {
    requireAdmin(ctx.principal);
    const texts = await auditedWrite(ctx, "resetLetterTexts", async (manager) => {
      const before = await loadLetterTexts(manager);
      const value = await resetLetterTexts(manager);
      return { value, subjectKey: null, details: documentChanges(before, value) };
    });
    return JSON.stringify(texts, null, 2);
  }
}
