// The editor's address, apart from its plugin: the build's parent process and the checks need only this,
// and importing the plugin (esbuild, the editor's configuration) cost the warm build 0.12 s before it started.

/** The editor's folder in the site; out of collections, sitemap, feeds, search and page checks. */
export const editorFolder = "admin";

export function isEditorPage(url: string): boolean {
  return url === `/${editorFolder}/` || url.startsWith(`/${editorFolder}/`);
}
