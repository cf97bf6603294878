import { mkdirSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite } from "../../src/build/build.ts";
import { importEleventyFile, installedVersion } from "../../src/patches/eleventyInternals.ts";
import { interceptions, type Patch } from "../../src/patches/patch.ts";
import { patch as templatesInFlight } from "../../src/patches/templatesInFlight.ts";
import { patch as templateMapIndex } from "../../src/patches/templateMapIndex.ts";
import { patch as nunjucksCompilations } from "../../src/patches/nunjucksCompilations.ts";
import { patch as dependencyGraphEdges } from "../../src/patches/dependencyGraphEdges.ts";
import { patch as listsOnTextEdits } from "../../src/patches/listsOnTextEdits.ts";
import { patch as nunjucksMemberLookup } from "../../src/patches/nunjucksMemberLookup.ts";
import { describeBuildError } from "../../src/build/errors.ts";
import { createFixtureSite } from "../support/fixture-site.ts";

type DevServerClass = {
  patch: Patch;
  getServer(name: string, dir: string, options: object): { serve(port: number): void; getPort(): Promise<number>; close(): Promise<void>; server: { address(): { address: string } } };
};
const LoopbackDevServer = (await import("eleventy-dev-server-loopback")).default as unknown as DevServerClass;
const patches = [templatesInFlight, templateMapIndex, nunjucksCompilations, dependencyGraphEdges, listsOnTextEdits, nunjucksMemberLookup, LoopbackDevServer.patch];

describe("the patches of libraries' internals (src/patches/)", () => {
  it.each(patches.map((patch) => [patch.name, patch] as const))("%s targets the installed version of its library", (_, patch) => {
    const installed = installedVersion(patch.library);
    expect(
      installed,
      `${patch.name} a été écrit et mesuré pour ${patch.library} ${patch.version}, ${installed} est installé : vérifiez qu'il sert encore (${patch.removeWhen}), puis mettez à jour son en-tête`,
    ).toBe(patch.version);
    for (const field of ["upstream", "measured", "removeWhen"] as const) expect(patch[field].length, `${patch.name}.${field}`).toBeGreaterThan(20);
  });

  it("each build patch intercepts the calls it exists for, on a small build", async () => {
    const site = createFixtureSite();
    for (let n = 1; n <= 12; n++) {
      site.write(
        `actualites/2025/essai-${n}.md`,
        `---\ntitle: Essai ${n}\ndescription: Actualité d'essai.\ndate: 2025-01-${String(n).padStart(2, "0")}\ntags: [formation]\n---\nTexte ${n}.\n`,
      );
    }
    const before = new Map(patches.map((patch) => [patch.name, interceptions(patch.name)]));
    await buildSite({ input: site.input, output: site.output, quiet: true });
    // listsOnTextEdits is consulted in every build; what it decides matters in the dev server (tests/build/dev-server.test.ts).
    for (const patch of [templatesInFlight, templateMapIndex, nunjucksCompilations, dependencyGraphEdges, listsOnTextEdits]) {
      expect(interceptions(patch.name) - before.get(patch.name)!, `${patch.name} n'a rien intercepté : la bibliothèque ne passe plus par la méthode qu'il remplace`).toBeGreaterThan(0);
    }
  });

  it("a page cannot reach the build's JavaScript through a constructor: the build stops and names the page", async () => {
    const attacks = {
      "fonction.md": '---\ntitle: Fonction\n---\n{{ range.constructor("return process.version")() }}\n',
      "crochets.md": '---\ntitle: Crochets\n---\n{% set nom = "constr" ~ "uctor" %}{{ cycler[nom]("return 1")() }}\n',
      "prototype.md": "---\ntitle: Prototype\n---\n{{ title.__proto__ }}\n",
    };
    for (const [file, source] of Object.entries(attacks)) {
      const site = createFixtureSite();
      site.write(file, source);
      const before = interceptions(nunjucksMemberLookup.name);
      const message = await buildSite({ input: site.input, output: site.output, quiet: true }).then(
        () => "construite",
        (error: unknown) => describeBuildError(error),
      );
      expect(message, file).toContain(file);
      expect(message, file).toContain("est refusé dans un gabarit");
      expect(message, file).not.toMatch(/v\d+\.\d+\.\d+/);
      expect(interceptions(nunjucksMemberLookup.name), file).toBeGreaterThan(before);
    }
  });

  it("the dev server's listener is the module Eleventy loads (it falls back to its own server when it finds no getServer)", async () => {
    const { EleventyImport } = await importEleventyFile<{ EleventyImport(file: string): Promise<object> }>("Util/Require.js");
    const loaded = await EleventyImport(path.resolve("node_modules/eleventy-dev-server-loopback/index.mjs"));
    expect("getServer" in loaded).toBe(true);
    expect((loaded as DevServerClass).patch).toEqual(LoopbackDevServer.patch);
  });

  it("the dev server answers 400 to a path that climbs out, 403 to another site's host name, and keeps serving", async () => {
    const site = createFixtureSite();
    mkdirSync(site.output, { recursive: true });
    writeFileSync(path.join(site.output, "index.html"), "<!doctype html><title>Accueil</title><p>Accueil</p>");
    const server = LoopbackDevServer.getServer("essai", site.output, { liveReload: false, logger: { info() {}, log() {}, error() {}, warn() {} } });
    const listening = server.getPort();
    server.serve(0);
    const port = await listening;
    // Raw requests: fetch would normalise the path and refuses to set Host.
    const get = (requestPath: string, host = `127.0.0.1:${port}`) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = http.request({ host: "127.0.0.1", port, path: requestPath, headers: { host } }, (response) => {
          let body = "";
          response.on("data", (chunk: Buffer) => (body += chunk.toString()));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
        });
        request.on("error", reject);
        request.end();
      });
    try {
      for (const probe of ["/..%2fpackage.json", "/%2e%2e%2fpackage.json", "/%2e%2e/%2e%2e/package.json", "/a/..%2f..%2f..%2fpackage.json", "/%E0%A4%A", "/..%5cpackage.json", "/x%00.html"]) {
        const answer = await get(probe);
        expect(answer.status, probe).toBe(400);
        expect(answer.body, probe).not.toContain('"name"');
      }
      for (const host of ["evil.example", "evil.example:8080", "127.0.0.1.evil.example"]) expect((await get("/", host)).status, host).toBe(403);
      for (const host of [`localhost:${port}`, `127.0.0.1:${port}`]) expect((await get("/", host)).status, host).toBe(200);
      expect((await get("/")).body).toContain("Accueil");
    } finally {
      await server.close();
    }
  });

  it("the dev server's listener listens on loopback only", async () => {
    const site = createFixtureSite();
    const before = interceptions(LoopbackDevServer.patch.name);
    const server = LoopbackDevServer.getServer("essai", site.output, { logger: { info() {}, log() {}, error() {}, warn() {} } });
    const listening = server.getPort();
    server.serve(0);
    await listening;
    try {
      expect(server.server.address().address).toBe("127.0.0.1");
      expect(interceptions(LoopbackDevServer.patch.name)).toBe(before + 1);
    } finally {
      await server.close();
    }
  });
});
