import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { caseAgainstApologyProblems, caseDateProblems } from "../../domain/case-rules.js";
import { timelinessAsOf, workingDaysLate } from "../../domain/timeliness.js";
import { lockedFindOne } from "../../db/write-transaction.js";
import { fieldChanges, upsertAuditFields } from "../../services/audit-details.js";
import { auditedWrite } from "../audited-write.js";
import { Apology } from "../../entities/apology.entity.js";
import { Case, CASE_WRITTEN_FIELDS } from "../../entities/case.entity.js";
import { Unit } from "../../entities/unit.entity.js";
import { listCases } from "../../services/case-list.js";
import { resolveScopeFilter, toConnection } from "../connection.js";
import type { GraphQLContext } from "../context.js";
import { TimelinessEnum } from "../../core/enums.js";
import { CaseFilter } from "../inputs/filters.input.js";
import { CaseInput } from "../inputs/case.input.js";
import { decodeCursor } from "../../core/cursor.js";
import { pageSize } from "../pagination.js";
import { DateTimeScalar } from "../../core/scalars.js";
import { CaseConnection } from "../types/connection.type.js";
import { refuseProblems } from "../rule-problems.js";
import { requiredText } from "../validation.js";
import { unitByCode } from "./unit-lookup.js";
import { requireWriterOfMove } from "../unit-access.js";

@Resolver(() => Case)
export class CaseResolver {
  @Query(() => Case, { nullable: true })
  case(@Arg("code", () => String) code: string, @Ctx() ctx: GraphQLContext): Promise<Case | null> {
    return ctx.db.getRepository(Case).findOneBy({ code: requiredText("code", code) });
  }

  @Query(() => CaseConnection, {
    description: "Ordered by dueAt, then code. first: 0 to 500 (default 50); outside that, BAD_USER_INPUT.",
  })
  async cases(
    @Arg("filter", () => CaseFilter, { nullable: true }) filter: CaseFilter | null,
    @Arg("first", () => Int, { nullable: true }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CaseConnection> {
    const page = await listCases(
      ctx.db,
      {
        ...(await resolveScopeFilter(ctx, filter)),
        overdue: filter?.overdue ?? undefined,
        apologized: filter?.apologized ?? undefined,
        now: ctx.now,
      },
      pageSize(first),
      decodeCursor(after),
    );
    // Apology.case of these rows then needs no statement of its own.
    for (const node of page.rows) ctx.loaders.caseById.prime(node.id, node);
    return toConnection(page, (node) => ({ moment: node.dueAt, key: node.code }));
  }

  @Mutation(() => Case, { description: "Creates the case, or updates the one with that code." })
  async upsertCase(@Arg("input", () => CaseInput) input: CaseInput, @Ctx() ctx: GraphQLContext): Promise<Case> {
    const unit = await unitByCode(ctx, input.unitCode);
    refuseProblems(caseDateProblems({ receivedAt: input.receivedAt, dueAt: input.dueAt, resolvedAt: input.resolvedAt ?? null }));
    return auditedWrite(ctx, "upsertCase", async (manager) => {
      const existing = await lockedFindOne(manager, Case, { code: input.code });
      const before = existing ? { ...existing, unitCode: (await ctx.loaders.unitById.load(existing.unitId))?.code } : null;
      await requireWriterOfMove(ctx, existing?.unitId, unit.id);
      const next = { dueAt: input.dueAt, resolvedAt: input.resolvedAt ?? null };
      const apology = existing ? await manager.findOneBy(Apology, { caseId: existing.id }) : null;
      if (apology) refuseProblems(caseAgainstApologyProblems(input.code, next, apology));
      const row = existing ?? manager.create(Case, { code: input.code });
      Object.assign(row, {
        procedureName: input.procedureName,
        applicantName: input.applicantName,
        unitId: unit.id,
        receivedAt: input.receivedAt,
        ...next,
      });
      const value = await manager.save(row);
      const fields = upsertAuditFields("code", CASE_WRITTEN_FIELDS);
      return { value, subjectKey: value.code, details: fieldChanges(before, { ...value, unitCode: unit.code }, fields) };
    });
  }

  @FieldResolver(() => Unit)
  unit(@Root() row: Case, @Ctx() ctx: GraphQLContext): Promise<Unit> {
    return CASE_ROW_FIELDS.unit(row, {}, ctx);
  }

  @FieldResolver(() => TimelinessEnum, {
    description: "As of the moment (default: now); a case resolved after the moment is unresolved then.",
  })
  timeliness(
    @Root() row: Case,
    @Arg("asOf", () => DateTimeScalar, { nullable: true }) asOf: Date | null,
    @Ctx() ctx: GraphQLContext,
  ): TimelinessEnum {
    return CASE_ROW_FIELDS.timeliness(row, { asOf }, ctx);
  }

  @FieldResolver(() => Int, {
    description:
      "Working days D with dueDay < D <= endDay, where dueDay is dueAt's Vietnam day and endDay is\nresolvedAt's Vietnam day (or, while unresolved, the moment's); 0 unless LATE or OVERDUE.\nA working day is Monday to Friday, not a public holiday, plus any official make-up working day.",
  })
  workingDaysLate(
    @Root() row: Case,
    @Arg("asOf", () => DateTimeScalar, { nullable: true }) asOf: Date | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<number> {
    return CASE_ROW_FIELDS.workingDaysLate(row, { asOf }, ctx);
  }

  @FieldResolver(() => Apology, { nullable: true })
  apology(@Root() row: Case, @Ctx() ctx: GraphQLContext): Promise<Apology | null> {
    return CASE_ROW_FIELDS.apology(row, {}, ctx);
  }
}

/**
 * The per-row fields of Case as plain graphql-js resolvers (root, args, context). The methods above
 * declare them to type-graphql (types, arguments, descriptions); graphql/schema.ts then installs these
 * functions as the fields' resolvers, because type-graphql's wrapper runs its argument pipeline for
 * every field of every row: a sort of the parameters, and an async validateFn for `asOf` (a DateTime,
 * which validateArgument passes untouched) that makes even timeliness a promise. A 500-case page
 * resolves 2,000 of these; see the README's "Measured" table.
 */
export const CASE_ROW_FIELDS = {
  unit: (row: Case, _args: object, ctx: GraphQLContext): Promise<Unit> =>
    ctx.loaders.unitById.load(row.unitId) as Promise<Unit>,
  timeliness: (row: Case, args: { asOf?: Date | null }, ctx: GraphQLContext): TimelinessEnum =>
    TimelinessEnum[timelinessAsOf(row, args.asOf ?? ctx.now)],
  workingDaysLate: (row: Case, args: { asOf?: Date | null }, ctx: GraphQLContext): Promise<number> => {
    const asOf = args.asOf ?? ctx.now;
    return ctx.loaders.calendar().then((calendar) => workingDaysLate(row, asOf, calendar));
  },
  apology: (row: Case, _args: object, ctx: GraphQLContext): Promise<Apology | null> =>
    ctx.loaders.apologyByCaseId.load(row.id),
} as const;
