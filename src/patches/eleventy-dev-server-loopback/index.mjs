// Eleventy's dev server listens on every interface, answers any Host header and stops for good on some encoded
// paths; a preview of unpublished drafts belongs on loopback only, to this machine's pages only, and stays up.
// Installed as a package (package.json: "file:src/patches/eleventy-dev-server-loopback"): Eleventy loads a custom
// server module only by name, from node_modules. An ES module whose one export is the class: from a CommonJS
// module, Node 24's import() also returns a "module.exports" key, and Eleventy 3.1.8 then finds no getServer and
// falls back, with one log line, to its own server listening on every interface.
import EleventyDevServer from "@11ty/eleventy-dev-server";
import { isLoopbackHost } from "../../build/loopbackHosts.mjs";

const patch = {
  name: "eleventy-dev-server-loopback",
  library: "@11ty/eleventy-dev-server",
  version: "2.1.2",
  upstream: "https://github.com/11ty/eleventy-dev-server/issues/128 (écoute sur toutes les interfaces) et https://github.com/11ty/eleventy-dev-server/issues/150 (un chemin encodé qui remonte, /..%2f…, arrête le serveur)",
  measured: "sans lui : le serveur répond depuis toute adresse de la machine et à tout nom d'hôte, et 4 sondes de chemin sur 12 l'arrêtaient pour de bon (tests/build/patches.test.ts)",
  removeWhen: "le serveur de développement d'Eleventy accepte une adresse d'écoute (#128), refuse les chemins qui remontent sans s'arrêter (#150) et vérifie l'en-tête Host",
};

if (typeof EleventyDevServer?.prototype?._serverListen !== "function" || typeof EleventyDevServer.getServer !== "function") {
  throw new Error(
    `Cette version de @11ty/eleventy-dev-server n'a plus getServer ni _serverListen, que src/patches/eleventy-dev-server-loopback/index.cjs remplace pour n'écouter que sur 127.0.0.1 : adaptez ce module à la nouvelle version (ou retirez-le si le serveur accepte une adresse d'écoute).`,
  );
}

const host = process.env.DEV_HOST || "127.0.0.1";

/**
 * True for a request path that climbs out of the site once decoded (`/..%2fpackage.json`, `/%2e%2e%2f…`), that
 * cannot be decoded, or that holds a NUL. The library throws on those from inside its handler, and the
 * unhandled rejection stopped the server for good (11ty/eleventy-dev-server#150).
 */
function isHostileRequestPath(url) {
  let decoded;
  try {
    // The path as sent, not as the URL parser normalises it: that would hide what the request tried.
    decoded = decodeURIComponent(String(url ?? "/").split(/[?#]/, 1)[0]);
  } catch {
    return true;
  }
  return decoded.includes("\0") || decoded.split(/[\\/]/).includes("..");
}

/** A request for a page (not for a stylesheet, script or image the error page itself may load). */
function isPageRequest(req) {
  const pathname = String(req.url ?? "/").split(/[?#]/, 1)[0];
  return req.method === "GET" && (pathname.endsWith("/") || pathname.endsWith(".html"));
}

function refuse(res, status, text) {
  res.statusCode = status;
  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.end(text);
}
const counts = (globalThis[Symbol.for("patches.interceptions")] ??= new Map());

class LoopbackDevServer extends EleventyDevServer {
  static getServer(...args) {
    return new LoopbackDevServer(...args);
  }

  _serverListen(port) {
    counts.set(patch.name, (counts.get(patch.name) ?? 0) + 1);
    this.server.listen({ port, host });
  }

  async onRequestHandler(req, res) {
    // A page of another site resolved to 127.0.0.1 (DNS rebinding) would read the drafts: refused.
    if (!isLoopbackHost(req.headers.host, [host])) {
      return refuse(res, 403, "Ce serveur d'aperçu ne répond qu'aux adresses de cette machine (127.0.0.1, localhost).");
    }
    if (isHostileRequestPath(req.url)) return refuse(res, 400, "Adresse refusée : elle sort du dossier du site.");
    // While the site does not build, a page shows why (the `errorPage` server option, src/plugins/devServer.ts),
    // not its last good version, which would look as if the save had been lost.
    if (this.buildError && typeof this.options.errorPage === "function" && isPageRequest(req)) {
      res.statusCode = 500;
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      return res.end(this.augmentContentWithNotifier(this.options.errorPage(this.buildError, this.dir)));
    }
    try {
      return await super.onRequestHandler(req, res);
    } catch {
      if (!res.headersSent) refuse(res, 400, "Adresse refusée.");
    }
  }

  sendError({ error }) {
    this.buildError = error;
    super.sendError({ error });
    // The page on screen is now out of date: reloaded, it shows the error.
    super.reload({});
  }

  reload(event) {
    this.buildError = undefined;
    super.reload(event);
  }

  getHosts() {
    return [this.getServerUrl(host)];
  }
}

LoopbackDevServer.patch = patch;
export default LoopbackDevServer;
