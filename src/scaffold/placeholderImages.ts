// `bash tools/node.sh node src/scaffold/placeholderImages.ts <document|portrait|video> <fichier>…`: draws a stand-in
// for an image the owners have not supplied yet, at the size of the file it replaces (800 × 450 for a new one).
// `npm run check` lists every such image until the real one takes its place (src/content/placeholders.ts).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import sharp from "sharp";
import { placeholderMarker, placeholderSvg, type PlaceholderKind } from "../content/placeholders.ts";

const kinds: PlaceholderKind[] = ["document", "portrait", "video"];
const [kind, ...files] = process.argv.slice(2);
if (!kinds.includes(kind as PlaceholderKind) || !files.length) {
  console.error(`Usage : placeholderImages.ts <${kinds.join("|")}> <fichier>…`);
  process.exit(1);
}

for (const file of files) {
  // An SVG's own width and height attributes; a bitmap's pixels.
  const svgSize = existsSync(file) && file.endsWith(".svg") ? /<svg[^>]*\bwidth="(\d+)"[^>]*\bheight="(\d+)"/.exec(readFileSync(file, "utf8")) : null;
  const { width = 800, height = 450 } = svgSize ? { width: Number(svgSize[1]), height: Number(svgSize[2]) } : existsSync(file) ? await sharp(file).metadata() : {};
  const svg = placeholderSvg(width, height, kind as PlaceholderKind);
  if (file.endsWith(".svg")) writeFileSync(file, `${svg}\n`);
  else {
    const image = sharp(Buffer.from(svg)).withExif({ IFD0: { ImageDescription: placeholderMarker } });
    const format = file.endsWith(".webp") ? image.webp({ quality: 80 }) : file.endsWith(".png") ? image.png({ palette: true }) : image.jpeg({ quality: 80 });
    await format.toFile(file);
  }
  console.log(`${file} : ${width} × ${height}`);
}
