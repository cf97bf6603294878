import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { serveSite } from "../../src/check/staticServer.ts";

function siteWith(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "serve-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe("the static server of the checks and the benchmark", () => {
  it("serves folder addresses from their index.html, and its 404 page for a missing address", async () => {
    const server = await serveSite(siteWith({ "a/index.html": "<p>page a</p>", "404.html": "<p>introuvable ici</p>" }));
    try {
      const page = await fetch(`${server.url}/a/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toBe("<p>page a</p>");
      const missing = await fetch(`${server.url}/nulle-part/`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toBe("<p>introuvable ici</p>");
    } finally {
      await server.close();
    }
  });

  it("answers 404 and keeps serving when the site has no 404 page", async () => {
    const server = await serveSite(siteWith({ "index.html": "<p>accueil</p>" }));
    try {
      const missing = await fetch(`${server.url}/nulle-part/`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain("Page introuvable");
      expect(await (await fetch(`${server.url}/`)).text()).toBe("<p>accueil</p>");
    } finally {
      await server.close();
    }
  });
});
