import type { EleventyConfig } from "../eleventy-types.ts";
import { devErrorPage } from "../build/devErrorPage.ts";

/** Where `npm start` serves the site when no --port is given. */
export const devServerPort = 8080;

export default function devServerPlugin(eleventyConfig: EleventyConfig): void {
  // errorPage: read by the loopback server (src/patches/eleventy-dev-server-loopback/) while a rebuild fails.
  eleventyConfig.setServerOptions({ module: "eleventy-dev-server-loopback", port: devServerPort, errorPage: devErrorPage });
  // The watcher waits until a saved file has stopped growing; Eleventy's 150 ms is a seventh of an edit's
  // rebuild, and an editor's save is over well within 50.
  eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });
}
