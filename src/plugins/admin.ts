import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { linkOrCopy } from "../build/fileLinks.ts";
import { build } from "esbuild";
import type { EleventyConfig } from "../eleventy-types.ts";
import { generatedTemplate } from "./generatedTemplate.ts";
import { editorConfig, type EditorSettings } from "../admin/config.ts";
import { topicTags } from "../content/lists.ts";
import { editorFolder } from "../admin/address.ts";

const cacheFolder = ".cache/admin";

/** What the editor bundle is made of: a change to any of these builds it again, nothing else does. */
function bundleKey(): string {
  const hash = createHash("sha256");
  for (const folder of ["src/admin", "src/content", "src/scaffold", "src/legacy"]) {
    for (const file of readdirSync(folder).filter((name) => name.endsWith(".ts")).sort()) hash.update(file).update(readFileSync(path.join(folder, file)));
  }
  hash.update(readFileSync("package-lock.json"));
  return hash.digest("hex").slice(0, 10);
}

/**
 * Decap CMS and React make a 6 MB script that takes esbuild seconds: it is built once per change of
 * its sources, into .cache/admin/, and linked into each build's output.
 */
async function editorBundle(): Promise<string> {
  const file = path.join(cacheFolder, `cms-${bundleKey()}.js`);
  if (existsSync(file)) return file;
  mkdirSync(cacheFolder, { recursive: true });
  // Several builds (the tests) may ask at once: each writes its own file, the rename is atomic.
  const partial = `${file}.${process.pid}.partial`;
  await build({
    entryPoints: ["src/admin/cms.ts"],
    outfile: partial,
    bundle: true,
    minify: true,
    format: "iife",
    target: ["es2020"],
    define: { "process.env.NODE_ENV": '"production"', global: "window" },
    legalComments: "none",
    logLevel: "error",
  });
  renameSync(partial, file);
  return file;
}

interface EditorData {
  repo: string;
  branch: string;
  authBaseUrl: string;
  authEndpoint: string;
  localBackendPort: number;
}

/** The repository and OAuth service: _data/editor.json, overridden by the environment (CI knows its repository). */
export function editorSettings(data: EditorData, siteUrl: string, env: NodeJS.ProcessEnv = process.env): EditorSettings {
  return {
    repo: env.CMS_GITHUB_REPO || data.repo || env.GITHUB_REPOSITORY || "",
    branch: env.CMS_GITHUB_BRANCH || data.branch || "main",
    authBaseUrl: env.CMS_AUTH_BASE_URL || data.authBaseUrl || undefined,
    authEndpoint: env.CMS_AUTH_ENDPOINT || data.authEndpoint || undefined,
    siteUrl,
    localBackendUrl: `http://127.0.0.1:${env.CMS_LOCAL_PORT || data.localBackendPort}/api/v1`,
  };
}

/** The editor's own policy: Decap compiles its schemas (eval) and injects its styles; it talks to GitHub and to the local backend. */
function editorPolicy(settings: EditorSettings): string {
  const backends = ["https://api.github.com", new URL(settings.localBackendUrl).origin, settings.authBaseUrl].filter(Boolean).join(" ");
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https://avatars.githubusercontent.com https://raw.githubusercontent.com",
    `connect-src 'self' blob: data: ${backends}`,
    "frame-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

interface Page {
  data: { tags?: unknown; series?: unknown };
}

/** A Git-based content editor at /admin/ (Decap CMS), configured from the content schema and types. */
export default function adminPlugin(eleventyConfig: EleventyConfig): void {
  let bundle: string | undefined;
  eleventyConfig.on("eleventy.before", async () => {
    bundle ??= await editorBundle();
  });
  eleventyConfig.on("eleventy.after", ({ directories }: { directories: { output: string } }) => {
    if (bundle) {
      const published = path.join(directories.output, editorFolder, path.basename(bundle));
      mkdirSync(path.dirname(published), { recursive: true });
      rmSync(published, { force: true });
      linkOrCopy(bundle, published);
    }
  });

  eleventyConfig.addTemplate("generated/admin.njk", generatedTemplate("admin"), {
    eleventyExcludeFromCollections: true,
    layout: false,
    permalink: `/${editorFolder}/`,
    eleventyComputed: {
      editorPage: (data: { editor: EditorData; site: { url: string }; collections: { all: Page[] }; assetUrls?: unknown }) => {
        const settings = editorSettings(data.editor, data.site.url);
        const pages = data.collections.all;
        const inUse = {
          tags: [...new Set(pages.flatMap((page) => topicTags(page.data.tags)))].sort((a, b) => a.localeCompare(b, "fr")),
          series: [...new Set(pages.map((page) => page.data.series).filter((s): s is string => typeof s === "string"))].sort((a, b) => a.localeCompare(b, "fr")),
        };
        return {
          policy: editorPolicy(settings),
          script: `/${editorFolder}/${path.basename(bundle ?? "cms.js")}`,
          // In a script element: "</" would close it.
          settings: JSON.stringify(editorConfig(settings, inUse)).replace(/</g, "\\u003c"),
        };
      },
    },
  });
}
