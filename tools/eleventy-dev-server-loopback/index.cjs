// Eleventy's dev server listens on every interface; a preview of unpublished drafts belongs on loopback only.
const EleventyDevServer = require("@11ty/eleventy-dev-server");

const host = process.env.DEV_HOST || "127.0.0.1";

class LoopbackDevServer extends EleventyDevServer {
  static getServer(...args) {
    return new LoopbackDevServer(...args);
  }

  _serverListen(port) {
    this.server.listen({ port, host });
  }

  getHosts() {
    return [this.getServerUrl(host)];
  }
}

module.exports = LoopbackDevServer;
