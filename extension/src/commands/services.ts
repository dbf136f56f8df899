import type { Connection } from "../connection/connection.js";
import type { OutputLog } from "../logs/output-log.js";
import type { BoardStore } from "../views/board-store.js";
import type { ComplianceTreeProvider } from "../views/compliance-tree.provider.js";
import type { ReadOnlyDocuments } from "../views/read-only-documents.js";

/** What the command groups share; built once in extension.ts. */
export interface Services {
  connection: Connection;
  store: BoardStore;
  tree: ComplianceTreeProvider;
  log: OutputLog;
  documents: ReadOnlyDocuments;
}
