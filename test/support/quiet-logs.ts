import { setLogLevel, type LogLevel } from "../../server/src/log.js";

// Expected failures (masked errors, rejected SQL) would flood the test output; LOG_LEVEL=debug brings them back.
setLogLevel((process.env.LOG_LEVEL as LogLevel | undefined) ?? "silent");
