import { Field, Int, ObjectType } from "type-graphql";
import { Case } from "../../entities/case.entity.js";
import { HpNetTask } from "../../entities/hpnet-task.entity.js";

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType()
export class CaseEdge {
  @Field()
  cursor!: string;

  @Field(() => Case)
  node!: Case;
}

@ObjectType()
export class CaseConnection {
  @Field(() => [CaseEdge])
  edges!: CaseEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

@ObjectType()
export class HpNetTaskEdge {
  @Field()
  cursor!: string;

  @Field(() => HpNetTask)
  node!: HpNetTask;
}

@ObjectType()
export class HpNetTaskConnection {
  @Field(() => [HpNetTaskEdge])
  edges!: HpNetTaskEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
