import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import express, { type Request, type RequestHandler, type Response, type Router } from "express";

/**
 * GET /graphiql: the GraphiQL console built by `npm run build:console` (console/build.mjs) into
 * dist/console, served from this host alone. The page's CSP lets it load its own files and call this
 * host's /graphql, nothing else, so it works on a closed network and cannot leak the token it holds.
 */
export function graphiqlRouter(options: { bundleDir?: string } = {}): Router {
  // Looked up per request, so a server started before `npm run build:console` serves it once it exists.
  const bundleDir = () => options.bundleDir ?? findBundle();
  const staticFiles = new Map<string, RequestHandler>();
  const router = express.Router();

  router.get("/graphiql", async (_req: Request, res: Response) => {
    const dir = bundleDir();
    const indexFile = dir && join(dir, "index.html");
    if (!indexFile || !existsSync(indexFile)) {
      res
        .status(503)
        .type("text/plain")
        .send("The GraphiQL console has not been built: run `npm run build` (or `npm run build:console`).");
      return;
    }
    const nonce = randomBytes(16).toString("base64");
    const html = (await readFile(indexFile, "utf8")).replaceAll("{{nonce}}", nonce);
    res
      .set({
        "Content-Security-Policy": contentSecurityPolicy(nonce),
        "Cache-Control": "no-store",
        "Referrer-Policy": "no-referrer",
        "X-Content-Type-Options": "nosniff",
      })
      .type("html")
      .send(html);
  });

  router.use("/graphiql", (req, res, next) => {
    const dir = bundleDir();
    // The page itself only through the route above, which gives it its CSP and nonce: never as a file.
    // Judged on the decoded path, as express.static reads it (index%2ehtml is index.html there).
    if (!dir || isPageFile(req.path)) return next();
    let serve = staticFiles.get(dir);
    if (!serve) {
      serve = express.static(dir, {
        index: false,
        redirect: false,
        // File names other than the fonts carry no hash: let browsers revalidate after an upgrade.
        cacheControl: true,
        maxAge: 0,
        setHeaders: (response) => response.setHeader("X-Content-Type-Options", "nosniff"),
      });
      staticFiles.set(dir, serve);
    }
    serve(req, res, next);
  });
  return router;
}

function isPageFile(path: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return true; // not a path express.static could serve either; answered 404 below
  }
  return /\.html?$/i.test(decoded);
}

function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    // GraphiQL's dialogs inject a <style> element carrying the page's nonce (see console/src/main.tsx).
    `style-src 'self' 'nonce-${nonce}'`,
    "font-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * dist/console next to the compiled server (dist/server/src/http → dist/console), or under the
 * repository root when the TypeScript source runs directly (vitest).
 */
function findBundle(): string | undefined {
  const candidates = [join(__dirname, "..", "..", "..", "console"), join(__dirname, "..", "..", "..", "dist", "console")];
  // console.js marks a built bundle: the source folder console/ holds an index.html template too.
  return candidates.find((dir) => existsSync(join(dir, "console.js")));
}
