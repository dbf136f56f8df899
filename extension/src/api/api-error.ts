/** The contract's error codes, plus the ones that never reach the server. */
export type ApiErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "BAD_USER_INPUT"
  | "NOT_FOUND"
  | "CONFLICT"
  | "NETWORK"
  | "TLS"
  | "HTTP"
  | "CANCELLED"
  | "SERVER";

/** A failed call to the CCHC server, with a message a person can act on and details for the log. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details = "",
  ) {
    super(message);
    this.name = "ApiError";
  }
}

const CONTRACT_CODES = new Set(["UNAUTHENTICATED", "FORBIDDEN", "BAD_USER_INPUT", "NOT_FOUND", "CONFLICT"]);

export function contractCode(code: unknown): ApiErrorCode {
  return typeof code === "string" && CONTRACT_CODES.has(code) ? (code as ApiErrorCode) : "SERVER";
}

const TLS_CODES = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_HAS_EXPIRED",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

/** A transport failure (no HTTP answer) as an ApiError that says what to check. */
export function transportError(error: unknown, endpoint: string): ApiError {
  const code = (error as { code?: string }).code ?? "";
  const name = (error as { name?: string }).name ?? "";
  const detail = error instanceof Error ? error.message : String(error);
  if (name === "AbortError" || code === "ABORT_ERR") return new ApiError("CANCELLED", "Cancelled.", detail);
  if (TLS_CODES.has(code)) {
    return new ApiError(
      "TLS",
      `The server's certificate at ${endpoint} is not trusted (${code}). If it is the office's self-signed ` +
        "certificate, turn off the setting cchc.rejectUnauthorized.",
      detail,
    );
  }
  return new ApiError(
    "NETWORK",
    `Cannot reach the CCHC server at ${endpoint}${code ? ` (${code})` : ""}. Is it running? ` +
      "Check the setting cchc.serverUrl.",
    detail,
  );
}
