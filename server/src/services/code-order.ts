/** Moved to the domain (the extension orders units by the same rule); import from there. */
export { compareCodePoints } from "../domain/code-order.js";
