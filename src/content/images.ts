import path from "node:path";

export interface ResolvedImage {
  src: string;
  alt: string;
}

/**
 * Front-matter `image` is either an absolute URL path or a map `{path, alt}` whose path may be relative
 * to the Markdown file. Relative files are published beside their source (content/x/y.svg -> /x/y.svg).
 */
export function resolveImage(image: unknown, inputPath: string, inputDir = "content"): ResolvedImage | undefined {
  if (!image) return undefined;
  const { src, alt } =
    typeof image === "string"
      ? { src: image, alt: "" }
      : typeof image === "object" && "path" in image && typeof image.path === "string"
        ? { src: image.path, alt: "alt" in image && typeof image.alt === "string" ? image.alt : "" }
        : { src: "", alt: "" };
  if (!src) return undefined;
  if (/^(https?:)?\/\//.test(src) || src.startsWith("/")) return { src, alt };
  const sourceFolder = path.posix.dirname(path.posix.normalize(inputPath.replace(/\\/g, "/")));
  const relativeToInput = path.posix.relative(path.posix.normalize(inputDir), path.posix.join(sourceFolder, src));
  return { src: `/${relativeToInput}`, alt };
}
