/**
 * A CSV file's bytes as the text an import sends: UTF-8, without its byte-order mark (a spreadsheet's
 * "CSV UTF-8" starts with one; the header must not). Bytes that are not UTF-8 are refused here, with
 * the line where they start: the plain "CSV" a spreadsheet writes on a Vietnamese Windows is
 * Windows-1258, and decoded anyway each of its Vietnamese letters would become U+FFFD, stored and
 * printed on the apologies as "Nguy�n".
 */
export function csvFileText(fileName: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new Error(
      `${fileName} is not UTF-8 text from line ${lineOfFirstUndecodable(bytes)} on, so its Vietnamese letters would be lost; ` +
        "nothing was sent. Save it again as CSV UTF-8 (Excel: CSV UTF-8 (Comma delimited)) or as .xlsx, and import that.",
    );
  }
}

/** 1-based: the line breaks before the first byte that is not UTF-8 (a replacement character once decoded). */
function lineOfFirstUndecodable(bytes: Uint8Array): number {
  const text = new TextDecoder("utf-8").decode(bytes);
  const before = text.slice(0, Math.max(0, text.indexOf("\uFFFD")));
  return before.split("\n").length;
}
