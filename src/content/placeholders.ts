/**
 * Images that stand in for one the owners have not supplied yet: a neutral drawing, no word saying it is missing,
 * and this marker inside the file (an EXIF description, or an SVG's <desc>) by which `npm run check` lists them.
 * Replacing the file with the real image is all it takes for it to leave the list.
 */
export const placeholderMarker = "minumeco:image-a-fournir";

const marker = Buffer.from(placeholderMarker);

export function isPlaceholderImage(bytes: Buffer): boolean {
  return bytes.includes(marker);
}

export type PlaceholderKind = "document" | "portrait" | "video";

/** The drawing, at the given size: DSFR's blue on its lightest blue, the subject in the middle third. */
export function placeholderSvg(width: number, height: number, kind: PlaceholderKind): string {
  const size = Math.min(width, height) / 3;
  const x = (width - size) / 2;
  const y = (height - size) / 2;
  const line = (dy: number, length = 0.5) => `<rect x="${x + size * 0.3}" y="${y + size * dy}" width="${size * length}" height="${size * 0.05}" rx="${size * 0.02}" fill="#6a6af4"/>`;
  const drawings: Record<PlaceholderKind, string> = {
    document: [
      `<path d="M${x + size * 0.2} ${y}h${size * 0.45}l${size * 0.2} ${size * 0.2}v${size * 0.8}h-${size * 0.65}z" fill="#f5f5fe" stroke="#000091" stroke-width="${size * 0.04}" stroke-linejoin="round"/>`,
      line(0.35),
      line(0.5),
      line(0.65, 0.35),
    ].join(""),
    portrait: `<circle cx="${width / 2}" cy="${y + size * 0.32}" r="${size * 0.22}" fill="#6a6af4"/><path d="M${x + size * 0.1} ${y + size}a${size * 0.4} ${size * 0.38} 0 0 1 ${size * 0.8} 0z" fill="#000091"/>`,
    video: `<circle cx="${width / 2}" cy="${height / 2}" r="${size / 2}" fill="#f5f5fe" stroke="#000091" stroke-width="${size * 0.04}"/><path d="M${x + size * 0.4} ${y + size * 0.3}v${size * 0.4}l${size * 0.32} -${size * 0.2}z" fill="#000091"/>`,
  };
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<desc>${placeholderMarker}</desc>`,
    `<rect width="${width}" height="${height}" fill="#ececfe"/>`,
    drawings[kind],
    "</svg>",
  ].join("");
}
