/**
 * The sub-folder a build is served from: "/" at the domain root, "/apercu/pr-42/" for a pull request's preview
 * on a host that serves several sites side by side (GitHub Pages' project addresses, a preview host).
 */
export function normalisePathPrefix(value: string | undefined): string {
  const segments = (value ?? "").split("/").filter(Boolean);
  const unsafe = segments.find((segment) => !/^[A-Za-z0-9._~-]+$/.test(segment) || segment === "." || segment === "..");
  if (unsafe !== undefined) {
    throw new Error(`PATH_PREFIX « ${value} » : chaque dossier ne peut contenir que des lettres sans accent, des chiffres, « - », « _ », « . » et « ~ » (par exemple PATH_PREFIX=/apercu/pr-42/).`);
  }
  return segments.length > 0 ? `/${segments.join("/")}/` : "/";
}

/** The prefix of this build, from the environment (read when asked: tests build with and without one). */
export function sitePathPrefix(env: NodeJS.ProcessEnv = process.env): string {
  return normalisePathPrefix(env.PATH_PREFIX);
}

/** A root-relative address of the site, under the prefix; any other address as it is. */
export function withPathPrefix(url: string, prefix: string): string {
  return prefix !== "/" && url.startsWith("/") && !url.startsWith("//") ? prefix + url.slice(1) : url;
}

// In a tag, an attribute whose value begins with a single slash holds an address of the site (href, src, action,
// srcset's first candidate, data-href, a meta's content…); srcset's other candidates follow a comma.
const tag = /<[A-Za-z][^>]*>/g;
const rootRelativeAttribute = /(\s[A-Za-z_:][-A-Za-z0-9_:.]*=")(\/(?![/\s])[^"]*)"/g;
const candidateAfterComma = /(,\s*)\/(?!\/)/g;

/**
 * The page's HTML with every address of the site under the prefix. Run on the finished page (after the
 * transforms that write addresses: images, players), so nothing the build adds escapes it.
 */
export function prefixPageAddresses(html: string, prefix: string): string {
  if (prefix === "/") return html;
  return html.replace(tag, (element) =>
    element.replace(rootRelativeAttribute, (_match, start: string, url: string) => {
      const value = prefix + url.slice(1);
      return `${start}${/\s(?:image)?srcset="$/i.test(start) ? value.replace(candidateAfterComma, `$1${prefix}`) : value}"`;
    }),
  );
}

/** The prefix a built site was made with: where its home page finds its stylesheet (<prefix>assets/styles-…). */
export function builtPathPrefix(homePage: string): string {
  return /<link rel="stylesheet" href="([^"]*\/)assets\/styles-/.exec(homePage)?.[1] ?? "/";
}
