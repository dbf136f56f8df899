import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Role } from "../core/enums.js";
import { DateTimeScalar } from "../core/scalars.js";
import { TEXT_LIMITS } from "../domain/text-limits.js";
import { MomentColumn, TextColumn } from "./columns.js";

/**
 * One write as it was carried out, appended in the write's own transaction. Append-only: nothing
 * in the code updates or deletes a row of audit_entries. The actor is copied in (not joined), so
 * an entry says who wrote even after the token is revoked.
 */
@ObjectType({ description: "One write as it was carried out. Append-only: no operation edits or deletes an entry. ADMIN reads\nevery entry; OFFICER and VIEWER are FORBIDDEN." })
@Entity("audit_entries")
export class AuditEntry {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => DateTimeScalar)
  @MomentColumn()
  at!: Date;

  @Column({ type: "int", nullable: true })
  actorTokenId!: number | null;

  @TextColumn(TEXT_LIMITS.auditEntry.actorName)
  actorName!: string;

  @TextColumn(TEXT_LIMITS.auditEntry.actorRole)
  actorRole!: Role;

  @Column({ type: "int", nullable: true })
  actorUnitId!: number | null;

  @Field({ description: "The mutation's field name: upsertCase, issueApology, importCases, revokeApiToken, ..." })
  @TextColumn(TEXT_LIMITS.auditEntry.operation)
  operation!: string;

  @Field(() => String, {
    nullable: true,
    description: "The key written: a unit code, case code, task externalId, directive id, token id, holiday date; null for an import.",
  })
  @TextColumn(TEXT_LIMITS.auditEntry.subjectKey, { nullable: true })
  subjectKey!: string | null;

  @Field({
    description:
      'JSON. A single write: {"field": [before, after], ...} for the fields that changed (before is null on\ncreation). An import: {"created": n, "updated": n, "unchanged": n, "rows": n}. Never a token or its hash.',
  })
  @Column({ type: "text" })
  details!: string;
}
