import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import type { GraphQLSchema } from "graphql";
import type { Server } from "node:http";
import type { RequestLimits } from "../config.js";
import type { RateLimiters } from "../limits/rate-limiters.js";
import type { GraphQLContext } from "./context.js";
import { formatError } from "./format-error.js";
import { queryLimitRules, queryLimitsPlugin } from "./query-limits.js";
import { writeGatePlugin } from "./write-gate.plugin.js";

function noStorePlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          response.http.headers.set("cache-control", "no-store");
        },
      };
    },
  };
}

export function createApollo(
  schema: GraphQLSchema,
  httpServer: Server,
  limits: RequestLimits,
  limiters: RateLimiters,
): ApolloServer<GraphQLContext> {
  return new ApolloServer<GraphQLContext>({
    schema,
    formatError,
    // Deliberate: introspection stays on even with NODE_ENV=production, because every operation
    // (introspection included) needs a bearer token, and the console and other systems need the schema.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // main.ts drains on SIGTERM itself (503 to new requests while imports finish, then stop()):
    // Apollo's own handler would stop listening at once and re-raise the signal.
    stopOnTerminationSignals: false,
    validationRules: queryLimitRules(limits),
    // graphql-js stops reading a query past this many tokens: three million one-field operations
    // in an 80 MiB body took the process past its heap before.
    parseOptions: { maxTokens: limits.maxQueryTokens },
    plugins: [
      // Apollo's landing page loads Sandbox from a CDN, which the Office's closed network cannot reach.
      ApolloServerPluginLandingPageDisabled(),
      // Apollo's default cache-control plugin hooks every field of every answer (willResolveField) to
      // compute cache hints this API never gives: on a 500-case page that was a fifth of the server's
      // time. Every answer carries a token-holder's data, so it says "no-store" itself.
      ApolloServerPluginCacheControlDisabled(),
      noStorePlugin(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      queryLimitsPlugin(limits, limiters),
      writeGatePlugin(),
    ],
  });
}
