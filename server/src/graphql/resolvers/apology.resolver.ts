import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import { apologyProblems, publicationProblems } from "../../domain/apology-rules.js";
import { lockedFindOne } from "../../db/write-transaction.js";
import { fieldChanges } from "../../services/audit-details.js";
import { auditedWrite } from "../audited-write.js";
import { Apology, APOLOGY_WRITTEN_FIELDS } from "../../entities/apology.entity.js";
import { Case } from "../../entities/case.entity.js";
import { parseId } from "../../services/directives.js";
import type { GraphQLContext } from "../context.js";
import { ConflictError, NotFoundError } from "../../core/errors.js";
import { isUniqueViolation } from "../../db/duplicate-key.js";
import { refuseProblems } from "../rule-problems.js";
import { ApologyInput } from "../inputs/apology.input.js";
import { DateTimeScalar } from "../../core/scalars.js";
import { normalizeOptionalText } from "../validation.js";
import { caseOrNotFound } from "../../services/lookups.js";
import { requireWriterOfUnit } from "../unit-access.js";

@Resolver(() => Apology)
export class ApologyResolver {
  /** The contract's order of checks: NOT_FOUND, then CONFLICT, then BAD_USER_INPUT. */
  @Mutation(() => Apology)
  async issueApology(@Arg("input", () => ApologyInput) input: ApologyInput, @Ctx() ctx: GraphQLContext): Promise<Apology> {
    return auditedWrite(ctx, "issueApology", async (manager) => {
      // The case is locked: an upsertCase meanwhile must see this apology, or this one its result.
      const found = await caseOrNotFound(manager, input.caseCode, { locked: true });
      await requireWriterOfUnit(ctx, found.unitId);
      if (await manager.existsBy(Apology, { caseId: found.id })) {
        throw new ConflictError(`Case ${found.code} already has an apology; a return date may be rescheduled only once.`);
      }
      refuseProblems(apologyProblems(found, input.newDueAt));
      let value: Apology;
      try {
        value = await manager.save(
          manager.create(Apology, {
            caseId: found.id,
            number: input.number,
            issuedAt: input.issuedAt,
            reason: input.reason,
            newDueAt: input.newDueAt,
            signer: input.signer,
            publishedAt: null,
            publishedVia: null,
          }),
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError(`Case ${found.code} already has an apology.`);
        throw error;
      }
      return { value, subjectKey: found.code, details: fieldChanges(null, value, APOLOGY_WRITTEN_FIELDS) };
    });
  }

  @Mutation(() => Apology, {
    description:
      "Records when (default: now) and optionally where the apology was made public; a publishedAt before the apology's issuedAt is BAD_USER_INPUT.",
  })
  async publishApology(
    @Arg("id", () => ID) id: string,
    @Arg("publishedAt", () => DateTimeScalar, { nullable: true }) publishedAt: Date | null,
    @Arg("via", () => String, { nullable: true, description: "Where: notice board, portal, e-mail, SMS, Zalo…" })
    via: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Apology> {
    const rowId = parseId(id);
    return auditedWrite(ctx, "publishApology", async (manager) => {
      const apology = rowId === null ? null : await lockedFindOne(manager, Apology, { id: rowId });
      if (!apology) throw new NotFoundError(`No apology has id ${id}.`);
      const owner = (await ctx.loaders.caseById.load(apology.caseId)) as Case;
      await requireWriterOfUnit(ctx, owner.unitId);
      const at = publishedAt ?? ctx.now;
      refuseProblems(publicationProblems(apology, at));
      const before = { ...apology };
      apology.publishedAt = at;
      apology.publishedVia = normalizeOptionalText(via) ?? apology.publishedVia;
      const value = await manager.save(apology);
      return { value, subjectKey: owner.code, details: fieldChanges(before, value, ["publishedAt", "publishedVia"]) };
    });
  }

  @FieldResolver(() => Case)
  async case(@Root() apology: Apology, @Ctx() ctx: GraphQLContext): Promise<Case> {
    return (await ctx.loaders.caseById.load(apology.caseId)) as Case;
  }

  @FieldResolver(() => Boolean, {
    description:
      "True when issued after the case's due moment (the rule asks for it at least a day before): still counted, but flagged.",
  })
  async issuedAfterDue(@Root() apology: Apology, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    const owner = (await ctx.loaders.caseById.load(apology.caseId)) as Case;
    return apology.issuedAt.getTime() > owner.dueAt.getTime();
  }
}
