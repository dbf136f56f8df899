import { InitialSchema1700000000000 } from "./1700000000000-initial-schema.js";

/** Every migration, oldest first; the data source runs the pending ones at start-up. */
export const MIGRATIONS = [InitialSchema1700000000000];
