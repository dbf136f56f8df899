import type { ImportColumn } from "./import-columns.js";
import type { ImportError } from "./import-result.js";
import { MAX_MESSAGE_LENGTH, shownText } from "./shown-text.js";

/** How many errors an import answers with (docs/import-formats.md); every row is still checked and counted. */
export const ERRORS_KEPT = 1000;

/**
 * The errors of one import: the first ERRORS_KEPT in line order (then the format's column order,
 * then the order they were found), and the count of all. Errors arrive nearly in line order (a
 * batch's database checks come after its rows' own), so the list is sorted and cut whenever it
 * holds twice the cap: memory stays bounded however many rows fail (a file of 300k bad rows once
 * built a 58 MB answer).
 */
export class ErrorList {
  private kept: ImportError[] = [];
  private total = 0;
  private readonly rank: (error: ImportError) => number;

  constructor(
    columns: readonly ImportColumn[],
    private readonly cap = ERRORS_KEPT,
  ) {
    const order = new Map(columns.map((c, i) => [c.name, i]));
    this.rank = (e) => (e.column === null ? -1 : (order.get(e.column) ?? columns.length));
  }

  add(errors: readonly ImportError[]): void {
    for (const error of errors) {
      this.total += 1;
      this.kept.push(error.message.length > MAX_MESSAGE_LENGTH ? { ...error, message: shownText(error.message, MAX_MESSAGE_LENGTH) } : error);
    }
    if (this.kept.length >= 2 * this.cap) this.cut();
  }

  get count(): number {
    return this.total;
  }

  /** The first errors in line order, at most the cap. */
  first(): ImportError[] {
    this.cut();
    return this.kept;
  }

  private cut(): void {
    // Array.prototype.sort is stable: errors equal in line and column keep the order they were found in.
    this.kept.sort((a, b) => a.line - b.line || this.rank(a) - this.rank(b));
    if (this.kept.length > this.cap) this.kept.length = this.cap;
  }
}
