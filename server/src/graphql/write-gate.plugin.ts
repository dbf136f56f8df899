import type { ApolloServerPlugin } from "@apollo/server";
import { Kind, type OperationDefinitionNode } from "graphql";
import { markWriteGateHeld, sqliteWriteGate } from "../db/write-gate.js";
import type { GraphQLContext } from "./context.js";

/**
 * Every mutation operation on SQLite runs in its database's write turn (db/write-gate.ts), taken
 * before the first resolver and given back when the answer is sent: one central place instead of
 * every resolver. An operation of imports only is left to the imports, which take the turn
 * themselves when they write (a dry run only reads, beside everything else).
 */
export function writeGatePlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      let release: (() => void) | null = null;
      return {
        async executionDidStart({ operation, contextValue }) {
          if (operation.operation !== "mutation" || onlyImports(operation)) return;
          const gate = sqliteWriteGate(contextValue.db);
          if (!gate) return;
          release = await gate.acquire();
          markWriteGateHeld(contextValue);
        },
        async willSendResponse() {
          release?.();
          release = null;
        },
      };
    },
  };
}

function onlyImports(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.every(
    (selection) => selection.kind === Kind.FIELD && /^import[A-Z]/.test(selection.name.value),
  );
}
