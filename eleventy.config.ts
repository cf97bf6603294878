import type { EleventyConfig } from "./src/eleventy-types.ts";
import frontMatterPlugin from "./src/plugins/frontMatter.ts";
import contentBoundariesPlugin from "./src/plugins/contentBoundaries.ts";
import markdownPlugin from "./src/plugins/markdown.ts";
import layoutsPlugin from "./src/plugins/layouts.ts";
import navigationPlugin from "./src/plugins/navigation.ts";
import collectionsPlugin from "./src/plugins/collections.ts";
import filtersPlugin from "./src/plugins/filters.ts";
import shortcodesPlugin from "./src/plugins/shortcodes.ts";
import embedsPlugin from "./src/plugins/embeds.ts";
import assetsPlugin from "./src/plugins/assets.ts";
import generatedPagesPlugin from "./src/plugins/generatedPages.ts";
import sitemapPlugin from "./src/plugins/sitemap.ts";
import devServerPlugin from "./src/plugins/devServer.ts";
import searchIndexPlugin from "./src/plugins/searchIndex.ts";
import rgesnPlugin from "./src/plugins/rgesn.ts";
import quizPlugin from "./src/plugins/quiz.ts";
import imagesPlugin from "./src/plugins/images.ts";
import analyticsPlugin from "./src/plugins/analytics.ts";
import pathPrefixPlugin from "./src/plugins/pathPrefix.ts";
import contentSecurityPolicyPlugin from "./src/plugins/contentSecurityPolicy.ts";
import pagesAsBytesPlugin from "./src/plugins/pagesAsBytes.ts";
import adminPlugin from "./src/plugins/admin.ts";
import legacyTemplateApiPlugin from "./src/legacy/plugin.ts";

export default function (eleventyConfig: EleventyConfig): void {
  eleventyConfig.addPlugin(frontMatterPlugin); // first: drafts and invalid pages go no further
  eleventyConfig.addPlugin(contentBoundariesPlugin); // nothing written outside the output folder, no JavaScript reached from templates
  eleventyConfig.addPlugin(markdownPlugin);
  eleventyConfig.addPlugin(layoutsPlugin);
  eleventyConfig.addPlugin(navigationPlugin);
  eleventyConfig.addPlugin(collectionsPlugin);
  eleventyConfig.addPlugin(filtersPlugin);
  eleventyConfig.addPlugin(shortcodesPlugin);
  eleventyConfig.addPlugin(embedsPlugin);
  eleventyConfig.addPlugin(generatedPagesPlugin);
  eleventyConfig.addPlugin(sitemapPlugin); // from the pages written, before any transform changes them
  eleventyConfig.addPlugin(rgesnPlugin);
  eleventyConfig.addPlugin(quizPlugin);
  eleventyConfig.addPlugin(imagesPlugin);
  eleventyConfig.addPlugin(analyticsPlugin);
  eleventyConfig.addPlugin(assetsPlugin);
  eleventyConfig.addPlugin(searchIndexPlugin);
  eleventyConfig.addPlugin(devServerPlugin);
  eleventyConfig.addPlugin(adminPlugin); // the web editor at /admin/
  eleventyConfig.addPlugin(legacyTemplateApiPlugin); // the live site's filters, data and collections
  eleventyConfig.addPlugin(pathPrefixPlugin); // PATH_PREFIX: the finished pages' addresses under a sub-folder (previews)
  eleventyConfig.addPlugin(contentSecurityPolicyPlugin); // after every transform that changes a page
  eleventyConfig.addPlugin(pagesAsBytesPlugin); // last: every other transform reads the page as text
  // Content is whatever sits in the input folder: .gitignore is about build output, not pages
  // (and test sites are built from an ignored cache folder).
  eleventyConfig.setUseGitIgnore(false);
}

export const config = {
  // Input and output are given by the caller (package.json scripts, the build script, the tests):
  // set here, they would override it. Layouts and data sit beside the input folder.
  dir: { includes: "../_includes", data: "../_data" },
  markdownTemplateEngine: "njk",
  htmlTemplateEngine: "njk",
  templateFormats: ["md", "njk", "html"],
};
