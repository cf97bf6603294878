/** Drafts show in the dev server only, so an editor can preview them and production never publishes them. */
export function isDraftVisible(runMode = process.env.ELEVENTY_RUN_MODE): boolean {
  return runMode === "serve" || runMode === "watch";
}

/** False for a draft in a production build: such a page must reach no list, feed or menu. */
export function isPublished(data: { draft?: unknown }): boolean {
  return data.draft !== true || isDraftVisible();
}
