// Eleventy's dev server listens on every interface; a preview of unpublished drafts belongs on loopback only.
// Installed as a package (package.json: "file:src/patches/eleventy-dev-server-loopback"): Eleventy loads a custom
// server module only by name, from node_modules. An ES module whose one export is the class: from a CommonJS
// module, Node 24's import() also returns a "module.exports" key, and Eleventy 3.1.8 then finds no getServer and
// falls back, with one log line, to its own server listening on every interface.
import EleventyDevServer from "@11ty/eleventy-dev-server";

const patch = {
  name: "eleventy-dev-server-loopback",
  library: "@11ty/eleventy-dev-server",
  version: "2.1.2",
  upstream: "https://github.com/11ty/eleventy-dev-server/issues/128 (le serveur écoute sur toutes les interfaces, sans option pour l'en empêcher)",
  measured: "sans lui, le serveur répond depuis toute adresse de la machine (tests/build/dev-server.test.ts)",
  removeWhen: "le serveur de développement d'Eleventy accepte une option d'adresse d'écoute (#128)",
};

if (typeof EleventyDevServer?.prototype?._serverListen !== "function" || typeof EleventyDevServer.getServer !== "function") {
  throw new Error(
    `Cette version de @11ty/eleventy-dev-server n'a plus getServer ni _serverListen, que src/patches/eleventy-dev-server-loopback/index.cjs remplace pour n'écouter que sur 127.0.0.1 : adaptez ce module à la nouvelle version (ou retirez-le si le serveur accepte une adresse d'écoute).`,
  );
}

const host = process.env.DEV_HOST || "127.0.0.1";
const counts = (globalThis[Symbol.for("patches.interceptions")] ??= new Map());

class LoopbackDevServer extends EleventyDevServer {
  static getServer(...args) {
    return new LoopbackDevServer(...args);
  }

  _serverListen(port) {
    counts.set(patch.name, (counts.get(patch.name) ?? 0) + 1);
    this.server.listen({ port, host });
  }

  getHosts() {
    return [this.getServerUrl(host)];
  }
}

LoopbackDevServer.patch = patch;
export default LoopbackDevServer;
