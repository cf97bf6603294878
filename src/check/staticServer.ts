import { createServer, type Server } from "node:http";
import { createReadStream, existsSync, statSync } from "node:fs";
import path from "node:path";
import { createGzip } from "node:zlib";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".js": "text/javascript",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".webp": "image/webp",
  ".woff2": "font/woff2",
  ".json": "application/json",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".avif": "image/avif",
  ".jpg": "image/jpeg",
  ".xml": "application/xml",
  ".csv": "text/csv",
  ".ics": "text/calendar",
  ".webmanifest": "application/manifest+json",
};

/** How hard the server compresses (as GitHub Pages would); the page weight measure relies on it. */
export const gzipLevel = 9;

const compressible = /^(text\/|application\/(json|manifest\+json)|image\/svg)/;

/**
 * Serves a built site on 127.0.0.1 as a static host would (folder URLs, 404 page),
 * gzip-compressing text like GitHub Pages does, so that measured weights are the ones visitors pay.
 * `prefix`: the site is served from that sub-folder (a build made with PATH_PREFIX), as a project's or a preview's host does.
 */
export async function serveSite(root: string, { gzip = true, prefix = "/", port = 0 } = {}): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const requested = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    if (!`${requested}/`.startsWith(prefix)) {
      return void response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end(`Hors du site : il est servi sous ${prefix}\n`);
    }
    const pathname = `/${requested.slice(prefix.length)}`;
    let file = path.join(root, path.normalize(pathname).replace(/^(\.\.[/\\])+/, ""));
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    const found = existsSync(file);
    if (!found) file = path.join(root, "404.html");
    // A site without a 404 page (a test or benchmark site) still gets an answer, not a crashed server.
    if (!found && !existsSync(file)) return void response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Page introuvable\n");
    const type = types[path.extname(file)] ?? "application/octet-stream";
    const compress = gzip && compressible.test(type) && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
    response.writeHead(found ? 200 : 404, { "content-type": type, ...(compress ? { "content-encoding": "gzip" } : {}) });
    const body = createReadStream(file).on("error", () => response.destroy());
    (compress ? body.pipe(createGzip({ level: gzipLevel })) : body).pipe(response);
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("adresse du serveur inconnue");
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
