import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { AuditEntry } from "../../entities/audit-entry.entity.js";
import { Role } from "../../core/enums.js";
import { DateTimeScalar } from "../../core/scalars.js";
import { PageInfo } from "./connection.type.js";

@ObjectType({ description: "Who a bearer token acts as (the access rules of the README)." })
export class AuditActor {
  @Field(() => ID, { nullable: true, description: "Null for the CCHC_ADMIN_TOKEN of the environment and for the command-line importer." })
  tokenId!: string | null;

  @Field({ description: 'The token\'s name, "environment admin token" or "command line".' })
  name!: string;

  @Field(() => Role)
  role!: Role;

  /** Resolved by AuditActorResolver.unit. */
  unitId!: number | null;
}

@ObjectType()
export class AuditEntryEdge {
  @Field()
  cursor!: string;

  @Field(() => AuditEntry)
  node!: AuditEntry;
}

@ObjectType()
export class AuditEntryConnection {
  @Field(() => [AuditEntryEdge])
  edges!: AuditEntryEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@InputType({ description: "Every given field must hold; from inclusive, until exclusive." })
export class AuditFilter {
  @Field(() => String, { nullable: true })
  operation?: string | null;

  @Field(() => String, { nullable: true })
  subjectKey?: string | null;

  @Field(() => ID, { nullable: true })
  actorTokenId?: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  from?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  until?: Date | null;
}
