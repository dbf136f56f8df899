import { Field, Int, ObjectType } from "type-graphql";
import { Unit } from "../../entities/unit.entity.js";

@ObjectType({
  description:
    "HpNet statistics of one person (Thống kê công việc trên HpNet): the directive's tasks in scope as of\nasOf that carry this assignee (trimmed, NFC; null = no assignee), within one unit.",
})
export class AssigneeStats {
  @Field(() => Unit)
  unit!: Unit;

  @Field(() => String, { nullable: true })
  assignee!: string | null;

  @Field(() => Int)
  tasks!: number;

  @Field(() => Int)
  reportedTasks!: number;

  @Field(() => Int)
  filedTasks!: number;

  @Field(() => Int, { description: "(tasks - reportedTasks) + (tasks - filedTasks)." })
  outstanding!: number;
}
