import "reflect-metadata";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { createServer, type Server } from "node:http";
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
import { exportsRouter } from "./http/exports.route.js";
import { graphiqlRouter } from "./http/graphiql.route.js";
import { healthRouter } from "./http/health.route.js";
import { createRateLimiters } from "./http/rate-limits.js";
import { publicApologiesRouter } from "./http/public/public-apologies.route.js";
import { securityHeaders } from "./http/security-headers.js";

export interface App {
  httpServer: Server;
  db: DataSource;
  /** Starts listening; resolves with the port (useful with port 0 in tests). */
  listen(port: number, host?: string): Promise<number>;
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
  const apollo = createApollo(schema, httpServer, limits, limiters);
  await apollo.start();

  app.use(securityHeaders());
  app.use(healthRouter(db, limits.healthWriteTimeoutMs));
  // Public apologies: on unless turned off (tests and embedders that pass no setting get them).
  const publicPages = config.publicPages ?? { enabled: true, ratePerMinute: 120, baseUrl: null };
  if (publicPages.enabled) app.use(publicApologiesRouter(db, publicPages));
  app.use(graphiqlRouter());
  // The token is checked before anything else, the body included.
  const gate = authenticationGate(db, config.adminToken, limiters);
  app.use(["/documents", "/exports"], gate, downloadRateLimit(limiters));
  app.use(documentsRouter(db, config.adminToken));
  app.use(exportsRouter(db, config.adminToken));
  app.use(
    "/graphql",
    gate,
    requireJsonPost(),
    refuseLargeBody(limits.bodyBytes),
    // Imports arrive as CSV text inside the GraphQL request; 100k rows are ~15 MB.
    express.json({ limit: limits.bodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ res }): Promise<GraphQLContext> => ({
        db,
        principal: principalOf(res),
        loaders: createLoaders(db),
        now: new Date(),
      }),
    }),
  );
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
    close: async () => {
      await apollo.stop();
      limiters.close();
      if (!existingDb && db.isInitialized) await db.destroy();
    },
  };
}
