import { Field, ID, ObjectType } from "type-graphql";
import { Entity, PrimaryGeneratedColumn } from "typeorm";
import { DateScalar } from "../core/scalars.js";
import { TEXT_LIMITS } from "../domain/text-limits.js";
import { DayColumn, TextColumn } from "./columns.js";

@ObjectType({
  description:
    'A directive (văn bản chỉ đạo) that sets a 100% target and a deadline for a review period,\ne.g. number "…/TB-BQL", period 2023-01-01..2023-12-31, deadline 2023-11-17.',
})
@Entity("directives")
export class Directive {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field()
  @TextColumn(TEXT_LIMITS.directive.number)
  number!: string;

  @Field({ description: "Trích yếu, the V/v line." })
  @TextColumn(TEXT_LIMITS.directive.subject)
  subject!: string;

  @Field(() => DateScalar)
  @DayColumn()
  issuedOn!: string;

  @Field(() => DateScalar, { description: "First and last Vietnam day of the reviewed period, both inclusive." })
  @DayColumn()
  periodStart!: string;

  @Field(() => DateScalar)
  @DayColumn()
  periodEnd!: string;

  @Field(() => DateScalar, {
    description: "The whole Vietnam day counts: a moment is past the deadline from 00:00 of the next day.",
  })
  @DayColumn()
  deadline!: string;
}
