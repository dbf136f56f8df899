import { GraphQLError } from "graphql";

/** The contract's client error codes; anything else reaching the client is masked. */
export type ClientErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "BAD_USER_INPUT" | "NOT_FOUND" | "CONFLICT";

export class ClientError extends GraphQLError {
  constructor(code: ClientErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export class UnauthenticatedError extends ClientError {
  constructor(message = "Sign in: send the header Authorization: Bearer <token> with a valid, unrevoked token.") {
    super("UNAUTHENTICATED", message, { http: { status: 401 } });
  }
}

export class ForbiddenError extends ClientError {
  constructor(message: string) {
    super("FORBIDDEN", message);
  }
}

export class BadUserInputError extends ClientError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super("BAD_USER_INPUT", message, extra);
  }
}

export class NotFoundError extends ClientError {
  constructor(message: string) {
    super("NOT_FOUND", message);
  }
}

export class ConflictError extends ClientError {
  constructor(message: string) {
    super("CONFLICT", message);
  }
}

const CLIENT_CODES = new Set<string>(["UNAUTHENTICATED", "FORBIDDEN", "BAD_USER_INPUT", "NOT_FOUND", "CONFLICT"]);

export function isClientErrorCode(code: unknown): code is ClientErrorCode {
  return typeof code === "string" && CLIENT_CODES.has(code);
}
