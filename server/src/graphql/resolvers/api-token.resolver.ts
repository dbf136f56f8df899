import { randomBytes } from "node:crypto";
import { Arg, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { lockedFindOne } from "../../db/write-transaction.js";
import { ApiToken } from "../../entities/api-token.entity.js";
import { fieldChanges } from "../../services/audit-details.js";
import { auditedWrite } from "../audited-write.js";
import { Unit } from "../../entities/unit.entity.js";
import { parseId } from "../../services/directives.js";
import { hashToken } from "../../services/authentication.js";
import { requireAdmin } from "../../core/principal.js";
import type { GraphQLContext } from "../context.js";
import { Role } from "../../core/enums.js";
import { BadUserInputError, NotFoundError } from "../../core/errors.js";
import { ApiTokenInput } from "../inputs/api-token.input.js";
import { unitByCode } from "./unit-lookup.js";

@ObjectType({ description: "A new token: the secret appears here once and is never shown again." })
export class CreatedApiToken {
  @Field({ description: "The bearer token. Store it now (e.g. in the editor's secret storage)." })
  token!: string;

  @Field(() => ApiToken)
  apiToken!: ApiToken;
}

@ObjectType({ description: "Who the current token belongs to." })
export class Viewer {
  @Field(() => Role)
  role!: Role;

  @Field(() => Unit, { nullable: true, description: "The unit an OFFICER writes for." })
  unit!: Unit | null;

  @Field(() => String, { nullable: true })
  tokenName!: string | null;
}

export function newTokenSecret(): string {
  return `cchc_${randomBytes(32).toString("base64url")}`;
}

@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @Query(() => Viewer, { description: "The role and unit of the token sent; a cheap way to check a token." })
  async me(@Ctx() ctx: GraphQLContext): Promise<Viewer> {
    const { principal } = ctx;
    const unit = principal.unitId === null ? null : await ctx.loaders.unitById.load(principal.unitId);
    const token = principal.tokenId === null ? null : await ctx.db.getRepository(ApiToken).findOneBy({ id: principal.tokenId });
    return { role: principal.role, unit, tokenName: token?.name ?? (principal.tokenId === null ? "CCHC_ADMIN_TOKEN" : null) };
  }

  @Query(() => [ApiToken], { description: "Every token, newest first (ADMIN)." })
  apiTokens(@Ctx() ctx: GraphQLContext): Promise<ApiToken[]> {
    requireAdmin(ctx.principal);
    return ctx.db.getRepository(ApiToken).find({ order: { id: "DESC" } });
  }

  @Mutation(() => CreatedApiToken, { description: "Creates a token (ADMIN); its secret is in the answer only." })
  async createApiToken(
    @Arg("input", () => ApiTokenInput) input: ApiTokenInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CreatedApiToken> {
    requireAdmin(ctx.principal);
    let unitId: number | null = null;
    let unitCode: string | null = null;
    if (input.role === Role.OFFICER) {
      if (!input.unitCode) throw new BadUserInputError("An OFFICER token needs unitCode: the unit it writes for.");
      ({ id: unitId, code: unitCode } = await unitByCode(ctx, input.unitCode));
    } else if (input.unitCode) {
      throw new BadUserInputError(`A ${input.role} token is not bound to a unit; leave unitCode out.`);
    }
    const token = newTokenSecret();
    return auditedWrite(ctx, "createApiToken", async (manager) => {
      const apiToken = await manager.save(
        manager.create(ApiToken, { name: input.name, role: input.role, unitId, tokenHash: hashToken(token), createdAt: ctx.now, revokedAt: null }),
      );
      // The token and its hash stay out of the trail: only what names and scopes it.
      const details = fieldChanges(null, { ...apiToken, unitCode }, ["name", "role", "unitCode"]);
      return { value: { token, apiToken }, subjectKey: String(apiToken.id), details };
    });
  }

  @Mutation(() => ApiToken, { description: "Revokes a token at once (ADMIN)." })
  async revokeApiToken(@Arg("id", () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<ApiToken> {
    requireAdmin(ctx.principal);
    const rowId = parseId(id);
    return auditedWrite(ctx, "revokeApiToken", async (manager) => {
      const apiToken = rowId === null ? null : await lockedFindOne(manager, ApiToken, { id: rowId });
      if (!apiToken) throw new NotFoundError(`No API token has id ${id}.`);
      const before = { ...apiToken };
      apiToken.revokedAt ??= ctx.now;
      const value = await manager.save(apiToken);
      return { value, subjectKey: String(value.id), details: fieldChanges(before, value, ["revokedAt"]) };
    });
  }

  @FieldResolver(() => Unit, { nullable: true })
  unit(@Root() apiToken: ApiToken, @Ctx() ctx: GraphQLContext): Promise<Unit | null> {
    return apiToken.unitId === null ? Promise.resolve(null) : ctx.loaders.unitById.load(apiToken.unitId);
  }
}
