/**
 * OWASP's rule against CSV injection (docs/import-formats.md): a spreadsheet runs a cell that
 * begins with = + - @, a tab or a carriage return as a formula (=HYPERLINK(...) sends data away).
 * Every CSV this system writes puts a single quote before such a text cell, which a spreadsheet
 * shows as text; every import removes one such quote again, so importing an export changes nothing.
 * Numbers written as numbers (a report's rates) are not text and keep their sign.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell as a CSV writes it: with a quote before a formula's first character. */
export function quoteFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell as an import reads it: one leading quote removed when a formula's first character follows. */
export function unquoteFormula(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
