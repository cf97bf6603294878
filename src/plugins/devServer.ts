import type { EleventyConfig } from "../eleventy-types.ts";

export default function devServerPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.setServerOptions({ module: "eleventy-dev-server-loopback", port: 8080 });
}
