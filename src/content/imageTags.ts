/** One `<img>` tag of a built page: its attributes as written (values still HTML-escaped), in order. */
export interface ImageTag {
  tag: string;
  /** where the tag starts in the page */
  index: number;
  attributes: Map<string, string | undefined>;
}

/** One encoded size of an image, as @11ty/eleventy-img describes it. */
export interface ImageVariant {
  url: string;
  width: number;
  height: number;
  sourceType: string;
}

/** Every `<img>` tag of a page, outside comments and `<picture>` elements that already choose their sources. */
export function findImageTags(html: string): ImageTag[] {
  const skipped = [...html.matchAll(/<!--[\s\S]*?-->|<picture\b[\s\S]*?<\/picture>/gi)].map((m) => [m.index, m.index + m[0].length] as const);
  return [...html.matchAll(/<img\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi)]
    .filter((m) => !skipped.some(([start, end]) => m.index >= start && m.index < end))
    .map((m) => ({ tag: m[0], index: m.index, attributes: parseAttributes(m[0]) }));
}

function parseAttributes(tag: string): Map<string, string | undefined> {
  const attributes = new Map<string, string | undefined>();
  const body = tag.replace(/^<[a-z]+\b/i, "").replace(/\/?>$/, "");
  for (const m of body.matchAll(/([^\s"'=<>\/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    const name = m[1]!.toLowerCase();
    if (!attributes.has(name)) attributes.set(name, m[2] ?? m[3] ?? m[4]);
  }
  return attributes;
}

// Values are kept as the author escaped them; only a double quote from a single-quoted value needs escaping.
function serialise(attributes: Map<string, string | undefined>): string {
  return [...attributes].map(([name, value]) => (value === undefined ? ` ${name}` : ` ${name}="${value.replace(/"/g, "&quot;")}"`)).join("");
}

// eleventy-img names its files after a hash and a width: nothing in these URLs needs escaping.
const srcset = (variants: ImageVariant[]) => variants.map((v) => `${v.url} ${v.width}w`).join(", ");

/**
 * The markup that replaces an `<img>`: a `<picture>` offering the modern formats first, the original format
 * last, each at every width. The tag keeps its own attributes (class, alt, id…); `width`/`height` come from
 * the image so the browser reserves its space; `loading` and `sizes` are only filled in when the author left them.
 * `formats` maps each output format to its variants, smallest first, the original format last.
 */
export function pictureMarkup(image: ImageTag, formats: ImageVariant[][], defaultSizes: string): string {
  const fallback = formats.at(-1)!;
  const largest = fallback.at(-1)!;
  const sizes = image.attributes.get("sizes") ?? defaultSizes;
  const attributes = new Map(image.attributes);
  for (const name of ["src", "srcset", "width", "height", "sizes"]) attributes.delete(name);
  attributes.set("src", fallback[0]!.url);
  if (fallback.length > 1) {
    attributes.set("srcset", srcset(fallback));
    attributes.set("sizes", sizes);
  }
  attributes.set("width", String(largest.width));
  attributes.set("height", String(largest.height));
  if (!attributes.has("loading")) attributes.set("loading", "lazy");
  if (!attributes.has("decoding")) attributes.set("decoding", "async");
  const sources = formats
    .slice(0, -1)
    .map((variants) => `<source type="${variants[0]!.sourceType}" srcset="${srcset(variants)}"${variants.length > 1 ? ` sizes="${sizes.replace(/"/g, "&quot;")}"` : ""}>`);
  return sources.length ? `<picture>${sources.join("")}<img${serialise(attributes)}></picture>` : `<img${serialise(attributes)}>`;
}
