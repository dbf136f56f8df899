export * from "./vietnam-time.js";
export * from "./calendar.js";
export * from "./timeliness.js";
export * from "./compliance.js";
export * from "./scope.js";
export * from "./public-holidays.js";
export * from "./code-order.js";
export * from "./import-kind.js";
