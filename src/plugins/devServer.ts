import type { EleventyConfig } from "../eleventy-types.ts";

export default function devServerPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.setServerOptions({ module: "eleventy-dev-server-loopback", port: 8080 });
  // The watcher waits until a saved file has stopped growing; Eleventy's 150 ms is a seventh of an edit's
  // rebuild, and an editor's save is over well within 50.
  eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });
}
