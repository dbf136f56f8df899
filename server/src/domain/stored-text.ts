/**
 * Characters XML 1.0 cannot carry (C0 controls but tab and line breaks, unpaired surrogates,
 * U+FFFE and U+FFFF). No person types them; a pasted or exported text can still bring them, and
 * one of them in a name makes Word and Excel refuse the letter or report that prints it.
 */
const UNPRINTABLE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The contract's text rule (trimmed, Unicode NFC), applied to every stored string, minus unprintable characters. */
export function storedText(value: string): string {
  return value.replace(UNPRINTABLE, "").trim().normalize("NFC");
}

/**
 * U+FFFD, the replacement character, is what a program leaves where it could not decode a
 * character: a file saved as Windows-1258 or TCVN3 and read as UTF-8 ("Nguy�n V�n A"). No
 * Vietnamese text holds it, so a text that does was damaged on its way here; stored, it would be
 * printed on a public apology.
 */
export function holdsReplacementCharacter(text: string): boolean {
  return text.includes("\uFFFD");
}
