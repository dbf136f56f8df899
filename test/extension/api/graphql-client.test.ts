import { readFileSync } from "node:fs";
import * as http from "node:http";
import * as https from "node:https";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "../../../extension/src/api/api-error.js";
import { GraphQLClient, graphqlEndpoint } from "../../../extension/src/api/graphql-client.js";

interface Seen {
  method?: string;
  url?: string;
  headers: http.IncomingHttpHeaders;
  body: { query: string; variables: Record<string, unknown>; operationName?: string };
}

// A real HTTP server standing in for the GraphQL endpoint: it answers by the query text.
let seen: Seen[] = [];
let server: http.Server;
let base = "";

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let text = "";
    req.on("data", (chunk) => (text += chunk));
    req.on("end", () => {
      const body = JSON.parse(text);
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      if (body.query.includes("slow")) return; // never answers: for cancellation
      if (body.query.includes("html")) {
        res.writeHead(404, { "content-type": "text/html" }).end("<h1>Not found</h1>");
        return;
      }
      if (body.query.includes("plain401")) {
        res.writeHead(401, { "content-type": "text/plain" }).end("no");
        return;
      }
      if (!req.headers.authorization) {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ errors: [{ message: "Sign in: send Authorization: Bearer <token>.", extensions: { code: "UNAUTHENTICATED" } }] }));
        return;
      }
      if (body.query.includes("missing")) {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ data: null, errors: [{ message: "No unit XX.", extensions: { code: "NOT_FOUND" } }, { message: "second" }] }));
        return;
      }
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ data: { echo: body.variables } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("expected a failure");
}

describe("GraphQL client", () => {
  it("posts JSON with the bearer token to <serverUrl>/graphql", async () => {
    seen = [];
    const client = new GraphQLClient({ serverUrl: `${base}/`, token: "t0ken" });
    const data = await client.request<{ echo: unknown }>("query Q($a: Int) { echo }", { a: 1 }, { operationName: "Q" });
    expect(data).toEqual({ echo: { a: 1 } });
    expect(seen[0]).toMatchObject({ method: "POST", url: "/graphql", body: { operationName: "Q", variables: { a: 1 } } });
    expect(seen[0].headers["content-type"]).toBe("application/json");
    expect(seen[0].headers.authorization).toBe("Bearer t0ken");
  });

  it("asks before each request that carries the token, and sends nothing when refused", async () => {
    seen = [];
    const asked: string[] = [];
    const refuse = async (endpoint: URL) => {
      asked.push(endpoint.href);
      throw new ApiError("UNAUTHENTICATED", "declined");
    };
    const refused = await failure(new GraphQLClient({ serverUrl: base, token: "t0ken", beforeSendingToken: refuse }).request("{ echo }"));
    expect(refused.message).toBe("declined");
    expect(asked).toEqual([`${base}/graphql`]);
    expect(seen).toHaveLength(0);
    // Without a token there is nothing to protect: no question.
    await new GraphQLClient({ serverUrl: base, beforeSendingToken: refuse }).raw("{ echo }");
    expect(asked).toHaveLength(1);
    expect(seen).toHaveLength(1);
  });

  it("carries the contract's error code and the server's message", async () => {
    const anonymous = await failure(new GraphQLClient({ serverUrl: base }).request("{ echo }"));
    expect(anonymous.code).toBe("UNAUTHENTICATED");
    expect(anonymous.message).toMatch(/Bearer/);
    const missing = await failure(new GraphQLClient({ serverUrl: base, token: "t" }).request("{ missing }"));
    expect(missing.code).toBe("NOT_FOUND");
    expect(missing.message).toBe("No unit XX. (and 1 more)");
    expect(missing.details).toContain("second");
  });

  it("hands back data and errors as they came for raw queries", async () => {
    const raw = await new GraphQLClient({ serverUrl: base, token: "t" }).raw("{ missing }");
    expect(raw.errors).toHaveLength(2);
  });

  it("explains answers that are not GraphQL", async () => {
    const client = new GraphQLClient({ serverUrl: base, token: "t" });
    expect((await failure(client.request("{ html }"))).message).toMatch(/HTTP 404 without a GraphQL result/);
    expect((await failure(client.request("{ plain401 }"))).code).toBe("UNAUTHENTICATED");
  });

  it("says the server cannot be reached, naming the setting", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await failure(new GraphQLClient({ serverUrl: `http://127.0.0.1:${port}`, token: "t" }).request("{ echo }"));
    expect(error.code).toBe("NETWORK");
    expect(error.message).toMatch(/ECONNREFUSED.*cchc\.serverUrl/);
  });

  it("stops waiting when cancelled", async () => {
    const controller = new AbortController();
    const pending = new GraphQLClient({ serverUrl: base, token: "t" }).request("{ slow }", {}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect((await failure(pending)).code).toBe("CANCELLED");
  });

  it("never sends the token to another host through a download path that reads as one (//host, /\\host)", async () => {
    // new URL("//localhost:P/x", endpoint) is protocol-relative: a review's second server got the bearer token.
    const other: http.IncomingHttpHeaders[] = [];
    const elsewhere = http.createServer((request, response) => {
      other.push(request.headers);
      response.end("x");
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, "127.0.0.1", resolve));
    try {
      const port = (elsewhere.address() as AddressInfo).port;
      const client = new GraphQLClient({ serverUrl: base, token: "SECRET-TOKEN" });
      for (const path of [`//localhost:${port}/steal`, `/\\localhost:${port}/steal`]) {
        const error = await failure(client.download(path, `/tmp/cchc-never-written-${process.pid}`));
        expect(error.code, path).toBe("SERVER");
        expect(error.message).toMatch(/not on it/);
      }
      expect(other).toEqual([]);
    } finally {
      elsewhere.close();
    }
  });

  it("builds the endpoint from the setting and refuses other schemes", () => {
    expect(graphqlEndpoint("http://localhost:4000").toString()).toBe("http://localhost:4000/graphql");
    expect(graphqlEndpoint("https://cchc.office/api/graphql/").toString()).toBe("https://cchc.office/api/graphql");
    expect(() => graphqlEndpoint("ftp://x")).toThrow(/http/);
    expect(() => graphqlEndpoint("localhost:4000 ")).toThrow();
  });

  it("refuses a self-signed certificate unless cchc.rejectUnauthorized is off", async () => {
    const fixtures = new URL("../fixtures/", import.meta.url);
    const tls = https.createServer(
      { key: readFileSync(new URL("self-signed.key.pem", fixtures)), cert: readFileSync(new URL("self-signed.cert.pem", fixtures)) },
      (_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ data: { ok: true } })),
    );
    await new Promise<void>((resolve) => tls.listen(0, "127.0.0.1", resolve));
    const url = `https://127.0.0.1:${(tls.address() as AddressInfo).port}`;
    try {
      const refused = await failure(new GraphQLClient({ serverUrl: url, token: "t" }).request("{ ok }"));
      expect(refused.code).toBe("TLS");
      expect(refused.message).toMatch(/cchc\.rejectUnauthorized/);
      const accepted = new GraphQLClient({ serverUrl: url, token: "t", rejectUnauthorized: false });
      expect(await accepted.request("{ ok }")).toEqual({ ok: true });
    } finally {
      tls.closeAllConnections();
      await new Promise((resolve) => tls.close(resolve));
    }
  });
});
