import { FieldResolver, Int, Resolver, Root } from "type-graphql";
import { INLINE_LIMIT_BYTES } from "../../documents/streamed-document.js";
import { BadUserInputError } from "../../core/errors.js";
import { DocumentType } from "../types/document.type.js";

const MIB = 1024 * 1024;
const INT_MAX = 2 ** 31 - 1;

/**
 * Document.byteSize and Document.contentBase64: the file is produced only when one of them is
 * asked, once for both. Above 32 MiB the content is refused (the contract's limit) and the client
 * is sent to downloadPath, which streams it; the server never builds a large file as a string.
 */
@Resolver(() => DocumentType)
export class DocumentContentResolver {
  @FieldResolver(() => Int, { description: "The file's size in bytes (of the decoded content)." })
  async byteSize(@Root() doc: DocumentType): Promise<number> {
    const size = await doc.content.size();
    // The contract's Int is 32-bit: a larger file (the letters of a very large year) has no byteSize to give.
    if (size > INT_MAX) {
      throw new BadUserInputError(
        `${doc.fileName} is ${size} bytes, more than byteSize (a 32-bit Int) can say: download it from downloadPath ` +
          `(GET ${doc.downloadPath} with the same bearer token), which streams it.`,
        { downloadPath: doc.downloadPath, byteSize: String(size) },
      );
    }
    return size;
  }

  @FieldResolver(() => String, {
    description:
      "The file, base64. Files over 32 MiB are not inlined: the field is then a BAD_USER_INPUT error whose message names downloadPath.",
  })
  async contentBase64(@Root() doc: DocumentType): Promise<string> {
    const content = await doc.content.content();
    if (content === null) {
      throw new BadUserInputError(
        `${doc.fileName} is larger than ${INLINE_LIMIT_BYTES / MIB} MiB, too large for contentBase64: download it from ` +
          `downloadPath (GET ${doc.downloadPath} with the same bearer token), which streams it.`,
        { downloadPath: doc.downloadPath, limitBytes: INLINE_LIMIT_BYTES },
      );
    }
    return content.toString("base64");
  }
}
