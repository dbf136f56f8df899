/**
 * The three import formats of docs/import-formats.md, spelled one way everywhere below the API:
 * the server's importers, the command line (`npm run import -- tasks file.csv`), the download
 * routes (/exports/tasks.csv) and the extension. The API names them by the contract's enum
 * (CASES, APOLOGIES, HPNET_TASKS); graphql/types/import-kind.type.ts is the one translation.
 */
export type ImportKind = "cases" | "apologies" | "tasks";

export const IMPORT_KINDS: readonly ImportKind[] = ["cases", "apologies", "tasks"];
