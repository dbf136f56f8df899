import { Field, ObjectType, registerEnumType } from "type-graphql";
import { InlineContent, type StreamedDocument } from "../../documents/streamed-document.js";

/**
 * A generated file. fileName, mimeType and downloadPath cost nothing; byteSize and contentBase64
 * (resolvers in document-content.resolver.ts) produce the file, once per request for both.
 */
@ObjectType("Document", { description: "A generated file: a letter (.docx), a report (.xlsx, .csv, .md) or an archive of them (.zip)." })
export class DocumentType {
  @Field()
  fileName!: string;

  @Field()
  mimeType!: string;

  @Field({
    description:
      'Path on this server (e.g. "/documents/apology-letters?directiveId=1") that streams the same file over GET with the same bearer token; a client saves it to disk without holding it in memory.',
  })
  downloadPath!: string;

  /** Not a field: the size and bytes, produced when byteSize or contentBase64 is asked. */
  content!: InlineContent;

  static of(document: StreamedDocument): DocumentType {
    return Object.assign(new DocumentType(), {
      fileName: document.fileName,
      mimeType: document.mimeType,
      downloadPath: document.downloadPath,
      content: new InlineContent(document),
    });
  }
}

export enum ReportFormat {
  XLSX = "XLSX",
  CSV = "CSV",
  MARKDOWN = "MARKDOWN",
}
registerEnumType(ReportFormat, { name: "ReportFormat" });
