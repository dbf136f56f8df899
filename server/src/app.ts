import "reflect-metadata";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { createServer, type Server } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { DataSource } from "typeorm";
import { DEFAULT_LIMITS, type AppConfig } from "./config.js";
import { openDatabase } from "./db/data-source.js";
import { createApollo } from "./graphql/apollo.js";
import type { GraphQLContext } from "./graphql/context.js";
import { createLoaders } from "./graphql/loaders.js";
import { createSchema } from "./graphql/schema.js";
import { authenticationGate, downloadRateLimit, principalOf, refuseLargeBody, requireJsonPost } from "./http/authentication-gate.js";
import { documentsRouter } from "./http/documents.route.js";
import { jsonErrorHandler, notFoundHandler } from "./http/error-handler.js";
import { refuseLongQuery, verifyJsonStructure } from "./http/graphql-body-shape.js";
import { exportsRouter } from "./http/exports.route.js";
import { graphiqlRouter } from "./http/graphiql.route.js";
import { healthRouter } from "./http/health.route.js";
import { sendJsonError } from "./http/json-error.js";
import { createRateLimiters } from "./limits/rate-limiters.js";
import { publicApologiesRouter } from "./http/public/public-apologies.route.js";
import { securityHeaders } from "./http/security-headers.js";

export interface App {
  httpServer: Server;
  db: DataSource;
  /** Starts listening; resolves with the port (useful with port 0 in tests). */
  listen(port: number, host?: string): Promise<number>;
  /**
   * SIGTERM's first step: every new request answers 503 (Retry-After) while the requests already
   * in (imports above all) finish; resolves true when they all did within `graceMs`. Then close().
   */
  drain(graceMs: number): Promise<boolean>;
  close(): Promise<void>;
}

/** Wires the database, the GraphQL schema and the HTTP routes; keeps no state between requests. */
export async function createApp(
  config: Pick<AppConfig, "database" | "adminToken"> & Partial<Pick<AppConfig, "limits" | "trustProxy" | "publicPages">>,
  existingDb?: DataSource,
): Promise<App> {
  const db = existingDb ?? (await openDatabase(config.database));
  const limits = config.limits ?? DEFAULT_LIMITS;
  const limiters = createRateLimiters(limits);
  const schema = await createSchema();
  const app = express();
  app.disable("x-powered-by");
  // Behind a TLS reverse proxy, the client's address comes from X-Forwarded-For (rate limits, logs).
  app.set("trust proxy", config.trustProxy ?? false);
  const httpServer = createServer(app);
  // Longer than the clients' and proxies' idle timeouts, so the server never closes a kept-alive
  // connection the moment a client reuses it (ECONNRESET under load).
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const apollo = createApollo(schema, httpServer, limits, limiters);
  await apollo.start();

  app.use(securityHeaders());
  // SIGTERM drains: new requests answer 503 while the ones already in (an import mid-body
  // included) run to their end, so a deploy never cuts an import off half-way.
  let draining = false;
  let inFlight = 0;
  app.use((_req, res, next) => {
    if (draining) {
      res.setHeader("Retry-After", "5");
      res.setHeader("Connection", "close");
      // Not the client's fault and nothing it can fix but wait: the status says so (a balancer retries elsewhere).
      sendJsonError(res, "INTERNAL_SERVER_ERROR", "The server is shutting down; try again in a few seconds.", { status: 503 });
      return;
    }
    inFlight += 1;
    res.once("close", () => (inFlight -= 1));
    next();
  });
  // The token is checked before anything else, the body included.
  const gate = authenticationGate(db, config.adminToken, limiters);
  // /graphql first: no route below answers a path under /graphql, and every API request would
  // otherwise walk past each of them (their routers, their path matching) before its own.
  app.use(
    "/graphql",
    gate,
    requireJsonPost(),
    refuseLargeBody(limits.bodyBytes),
    // Imports arrive as CSV text inside the GraphQL request; 100k rows are ~15 MB.
    express.json({ limit: limits.bodyBytes, verify: verifyJsonStructure }),
    refuseLongQuery(limits.maxQueryLength),
    expressMiddleware(apollo, {
      context: async ({ res }): Promise<GraphQLContext> => ({
        db,
        principal: principalOf(res),
        loaders: createLoaders(db),
        now: new Date(),
      }),
    }),
  );
  app.use(healthRouter(db, limits.healthWriteTimeoutMs, limits.healthImportMaxMs));
  // Public apologies: on unless turned off (tests and embedders that pass no setting get them).
  const publicPages = config.publicPages ?? { enabled: true, ratePerMinute: 120, baseUrl: null };
  if (publicPages.enabled) app.use(publicApologiesRouter(db, publicPages));
  app.use(graphiqlRouter());
  app.use(["/documents", "/exports"], gate, downloadRateLimit(limiters));
  app.use(documentsRouter(db, config.adminToken));
  app.use(exportsRouter(db, config.adminToken));
  app.use(notFoundHandler());
  app.use(jsonErrorHandler(limits.bodyBytes));

  return {
    httpServer,
    db,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address();
          resolve(typeof address === "object" && address ? address.port : port);
        });
      }),
    drain: async (graceMs) => {
      draining = true;
      const deadline = Date.now() + graceMs;
      while (inFlight > 0 && Date.now() < deadline) await sleep(100);
      return inFlight === 0;
    },
    close: async () => {
      await apollo.stop();
      limiters.close();
      if (!existingDb && db.isInitialized) await db.destroy();
    },
  };
}
