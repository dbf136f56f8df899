import type { DataSource } from "typeorm";
import type { Principal } from "../core/principal.js";
import type { Loaders } from "./loaders.js";

export interface GraphQLContext {
  db: DataSource;
  principal: Principal;
  loaders: Loaders;
  /** The request's "now": every default asOf in one request is this same moment. */
  now: Date;
}
