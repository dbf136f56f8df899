import { Field, Int, ObjectType, registerEnumType } from "type-graphql";

@ObjectType("Document", { description: "A generated file: a letter (.docx), a report (.xlsx, .csv, .md) or an archive of them (.zip)." })
export class DocumentType {
  @Field()
  fileName!: string;

  @Field()
  mimeType!: string;

  @Field(() => Int)
  byteSize!: number;

  @Field()
  contentBase64!: string;
}

export enum ReportFormat {
  XLSX = "XLSX",
  CSV = "CSV",
  MARKDOWN = "MARKDOWN",
}
registerEnumType(ReportFormat, { name: "ReportFormat" });
