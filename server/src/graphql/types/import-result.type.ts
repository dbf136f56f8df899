import { Field, Int, ObjectType } from "type-graphql";
import type { ImportError as ImportErrorData, ImportOutcome } from "../../imports/import-result.js";

@ObjectType()
export class ImportError implements ImportErrorData {
  @Field(() => Int, { description: "1-based line of the file; the header is line 1." })
  line!: number;

  @Field(() => String, {
    nullable: true,
    description: "The column's English name in the import format (e.g. due_at); null when the whole line or file is at fault.",
  })
  column!: string | null;

  @Field()
  message!: string;
}

@ObjectType({
  description:
    "Outcome of an import. The import is all or nothing: when errors is not empty,\nnothing was written. Importing the same file twice changes nothing the second time.",
})
export class ImportResult implements ImportOutcome {
  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  unchanged!: number;

  @Field(() => [ImportError], {
    description: "The first 1,000 failing rows' errors, in line order (all of them when there are fewer).",
  })
  errors!: ImportError[];

  @Field(() => Int, { description: "How many errors the whole file has; errorCount > 1000 means errors was cut." })
  errorCount!: number;
}
