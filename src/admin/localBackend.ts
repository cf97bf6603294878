import { createRequire } from "node:module";
import type { Server } from "node:http";
import path from "node:path";
import { isLoopbackHost } from "../build/loopbackHosts.mjs";

/**
 * The web editor's local backend: decap-server's file-system middleware (every save written straight into
 * the working copy, no branch switched under the editor's feet), served on loopback only. decap-server's
 * own CORS rule keeps other sites' pages from calling it; the Host check below keeps out a page of another
 * site whose domain was made to resolve to 127.0.0.1 (DNS rebinding), which CORS does not see.
 */

const require = createRequire(import.meta.url);
// The express that decap-server's middlewares are written for: its own dependency.
const express = createRequire(require.resolve("decap-server/package.json"))("express") as (() => ExpressApp) & {};
const { registerLocalFs } = require("decap-server/dist/middlewares.js") as {
  registerLocalFs(app: ExpressApp, options: { logLevel?: string }): Promise<void>;
};

interface ExpressApp {
  use(handler: (req: { headers: Record<string, string | string[] | undefined> }, res: { status(code: number): { type(t: string): { send(body: string): void } } }, next: () => void) => void): void;
  listen(port: number, host: string, ready: () => void): Server;
}

export interface LocalBackend {
  url: string;
  close(): Promise<void>;
}

/** Starts the backend for the repository in `repository` (the project itself under `npm start`). */
export async function startLocalBackend({ repository, port }: { repository: string; port: number }): Promise<LocalBackend> {
  // decap-server reads its folder from the environment.
  process.env.GIT_REPO_DIRECTORY = path.resolve(repository);
  const app = express();
  app.use((req, res, next) => {
    if (!isLoopbackHost(req.headers.host)) {
      res.status(403).type("text/plain; charset=utf-8").send("Accès refusé : le serveur local de l'éditeur ne répond qu'aux adresses de cette machine.");
      return;
    }
    next();
  });
  await registerLocalFs(app, { logLevel: "warn" });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(port, "127.0.0.1", () => resolve(listening));
    listening.on("error", reject);
  });
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actualPort}/api/v1`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
