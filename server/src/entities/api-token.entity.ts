import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Role } from "../core/enums.js";
import { DateTimeScalar } from "../core/scalars.js";
import { TEXT_LIMITS } from "../domain/text-limits.js";
import { MomentColumn, TextColumn } from "./columns.js";

/** An API token; only its SHA-256 is stored, the token itself is shown once at creation. */
@ObjectType({ description: "An API token. The secret is shown once, when created; only its hash is kept." })
@Entity("api_tokens")
export class ApiToken {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field({ description: "Who or what uses it, e.g. 'Nguyễn Văn A (VP)' or 'nightly import'." })
  @TextColumn(TEXT_LIMITS.apiToken.name)
  name!: string;

  @Field(() => Role)
  @TextColumn(TEXT_LIMITS.apiToken.role)
  role!: Role;

  @Column({ type: "int", nullable: true })
  unitId!: number | null;

  @TextColumn(TEXT_LIMITS.apiToken.tokenHash)
  tokenHash!: string;

  @Field(() => DateTimeScalar)
  @MomentColumn()
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  @MomentColumn({ nullable: true })
  revokedAt!: Date | null;
}
