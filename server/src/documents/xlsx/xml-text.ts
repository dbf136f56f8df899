/**
 * Text as XML character data. Characters XML 1.0 cannot hold at all (C0 controls other than tab,
 * newline and carriage return, lone surrogates, U+FFFE/U+FFFF) are dropped: Excel refuses the
 * whole file over one of them, and an applicant's name pasted from another system may carry one.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SPECIAL = /[&<>"]/g;
const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
const NEEDS_WORK = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

export function xmlText(text: string): string {
  // Most cells are plain: one test instead of two replaces keeps a 100k-row sheet fast.
  if (!NEEDS_WORK.test(text)) return text;
  return text.replace(NOT_XML, "").replace(SPECIAL, (c) => ENTITY[c]);
}
