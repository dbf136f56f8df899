/** What every import reports, whatever the file type or entry point (GraphQL, command line, extension). */
export interface ImportError {
  /** 1-based physical line of the file (the header is line 1); for .xlsx, the sheet's row number. */
  line: number;
  /** The column's English name from the import format (e.g. "due_at"), or null for the whole row or file. */
  column: string | null;
  message: string;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportOutcome extends ImportCounts {
  /** The first 1,000 errors in line order; not empty means nothing was written. */
  errors: ImportError[];
  /** Every error the file has; more than errors.length when the list was cut. */
  errorCount: number;
}

export const NO_COUNTS: Readonly<ImportCounts> = Object.freeze({ created: 0, updated: 0, unchanged: 0 });
