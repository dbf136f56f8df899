import "reflect-metadata";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { createServer, type Server } from "node:http";
import type { DataSource } from "typeorm";
import type { AppConfig } from "./config.js";
import { openDatabase } from "./db/data-source.js";
import { createApollo } from "./graphql/apollo.js";
import { authenticate } from "./graphql/auth.js";
import type { GraphQLContext } from "./graphql/context.js";
import { createLoaders } from "./graphql/loaders.js";
import { createSchema } from "./graphql/schema.js";
import { documentsRouter } from "./http/documents.route.js";
import { exportsRouter } from "./http/exports.route.js";
import { graphiqlRouter } from "./http/graphiql.route.js";
import { healthRouter } from "./http/health.route.js";

export interface App {
  httpServer: Server;
  db: DataSource;
  /** Starts listening; resolves with the port (useful with port 0 in tests). */
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

/** Wires the database, the GraphQL schema and the HTTP routes; keeps no state between requests. */
export async function createApp(
  config: Pick<AppConfig, "database" | "adminToken">,
  existingDb?: DataSource,
): Promise<App> {
  const db = existingDb ?? (await openDatabase(config.database));
  const schema = await createSchema();
  const app = express();
  app.disable("x-powered-by");
  const httpServer = createServer(app);
  const apollo = createApollo(schema, httpServer);
  await apollo.start();

  app.use(healthRouter(db));
  app.use(graphiqlRouter());
  app.use(documentsRouter(db, config.adminToken));
  app.use(exportsRouter(db, config.adminToken));
  app.use(
    "/graphql",
    // Imports arrive as CSV text inside the GraphQL request; 100k rows are ~15 MB.
    express.json({ limit: "64mb" }),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<GraphQLContext> => ({
        db,
        principal: await authenticate(db, req.headers.authorization, config.adminToken),
        loaders: createLoaders(db),
        now: new Date(),
      }),
    }),
  );

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
      if (!existingDb && db.isInitialized) await db.destroy();
    },
  };
}
