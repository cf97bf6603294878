/**
 * The site's own address as a script sees it. Scripts are published in <site>/assets/, so a build served from
 * a sub-folder (a pull request's preview under /apercu/pr-42/) finds its files; at the domain root it is "/".
 */
export const siteRoot = new URL("../", import.meta.url).pathname;

/** A root-relative address of the site ("/plan-du-site/") as served here. */
export function siteAddress(path: string): string {
  return siteRoot !== "/" && path.startsWith("/") && !path.startsWith("//") ? siteRoot + path.slice(1) : path;
}
