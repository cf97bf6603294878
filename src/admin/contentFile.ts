import yaml from "js-yaml";
import { loadYaml } from "../content/yaml.ts";

/**
 * How the web editor reads and writes a content file. Decap would rewrite the whole front matter
 * in its own key order and quoting; here a save rewrites only the keys whose value changed, so that
 * a one-field edit is a one-field diff, and a file opened and saved unchanged stays byte for byte.
 */

/** The file as it was read, kept in the entry (never written) so that a save can patch it. */
export const sourceKey = "__fichierLu";

/** Fields whose value is a calendar day, written unquoted as the build reads a date. */
const dayFields = new Set(["date", "endDate"]);

interface SplitFile {
  /** `---\n` and the YAML up to the closing `---` (excluded). */
  opening: string;
  yaml: string;
  /** The closing `---` line with its line break. */
  closing: string;
  body: string;
}

const frontMatterPattern = /^(---[ \t]*\r?\n)([\s\S]*?)(\r?\n---[ \t]*(?:\r?\n|$))/;

function split(text: string): SplitFile | undefined {
  const match = frontMatterPattern.exec(text);
  if (!match) {
    // An empty front matter (`---` then `---`) has no YAML line between them.
    const empty = /^(---[ \t]*\r?\n)(---[ \t]*(?:\r?\n|$))/.exec(text);
    return empty ? { opening: empty[1]!, yaml: "", closing: empty[2]!, body: text.slice(empty[0].length) } : undefined;
  }
  return { opening: match[1]!, yaml: match[2]!, closing: match[3]!, body: text.slice(match[0].length) };
}

/** A day as the editor shows it (AAAA-MM-JJ), a moment as ISO text: the date widget reads text. */
function forEditor(value: unknown): unknown {
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  }
  if (Array.isArray(value)) return value.map(forEditor);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, forEditor(v)]));
  return value;
}

function readFields(yamlText: string): Record<string, unknown> {
  const data = yamlText.trim() ? loadYaml(yamlText) : {};
  return data && typeof data === "object" && !Array.isArray(data) ? (forEditor(data) as Record<string, unknown>) : {};
}

/** What the editor gets from a file: its front-matter fields, `body`, and the file itself under `sourceKey`. */
export function readContentFile(text: string): Record<string, unknown> {
  const parts = split(text);
  if (!parts) return { body: text, [sourceKey]: text };
  let fields: Record<string, unknown>;
  try {
    fields = readFields(parts.yaml);
  } catch {
    // A front matter the build refuses opens as text, so that it can be mended here: the build names the error.
    return { body: text, [sourceKey]: text };
  }
  return { ...fields, body: parts.body, [sourceKey]: text };
}

/** Top-level YAML blocks: each key with the lines that follow it (values, list items, comments). */
function blocksOf(yamlText: string): { key: string | undefined; text: string }[] {
  const blocks: { key: string | undefined; lines: string[] }[] = [];
  for (const line of yamlText.split("\n")) {
    const key = /^(?:"([^"]+)"|'([^']+)'|([^\s#'"\-?:][^:#]*?))\s*:(?:\s|$)/.exec(line);
    if (key) blocks.push({ key: key[1] ?? key[2] ?? key[3], lines: [line] });
    else if (blocks.length > 0) blocks.at(-1)!.lines.push(line);
    else blocks.push({ key: undefined, lines: [line] });
  }
  return blocks.map(({ key, lines }) => ({ key, text: lines.join("\n") }));
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return Object.values(value).every(isEmpty);
  return false;
}

/** The value without its empty members: the editor sends every field of an object, filled or not. */
function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((item) => !isEmpty(item)).map(withoutEmpty);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => !isEmpty(v)).map(([k, v]) => [k, withoutEmpty(v)]));
  }
  return value;
}

function sameValue(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === "object"
        ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]))
        : value;
  return JSON.stringify(canonical(withoutEmpty(a))) === JSON.stringify(canonical(withoutEmpty(b)));
}

/** `vignette.png` as the content writes a file beside the page: `./vignette.png` (the editor drops the `./`). */
function besideThePage(key: string, value: unknown): unknown {
  if (key !== "image" || !value || typeof value !== "object" || Array.isArray(value)) return value;
  const image = value as Record<string, unknown>;
  return typeof image.path === "string" && /^[^/.:][^/:]*$/.test(image.path) ? { ...image, path: `./${image.path}` } : value;
}

function yamlBlock(key: string, rawValue: unknown): string {
  const value = besideThePage(key, rawValue);
  if (dayFields.has(key) && typeof value === "string" && /^\d{4}-\d\d-\d\d$/.test(value)) return `${key}: ${value}`;
  return yaml.dump({ [key]: withoutEmpty(value) }, { lineWidth: -1, noRefs: true, quotingType: '"' }).trimEnd();
}

/**
 * The file to save: the file as read, with the blocks of changed keys rewritten, cleared keys removed
 * and new keys added at the end; a new file gets the keys in the order of its form (`order`).
 */
export function writeContentFile(data: Record<string, unknown>, order: readonly string[] = []): string {
  const { body: rawBody, [sourceKey]: source, ...unordered } = data;
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  const fields = Object.fromEntries(Object.entries(unordered).sort(([a], [b]) => rank(a) - rank(b)));
  const body = typeof rawBody === "string" ? rawBody : "";
  const original = typeof source === "string" ? split(source) : undefined;
  if (!original) {
    const lines = Object.entries(fields).filter(([, value]) => !isEmpty(value)).map(([key, value]) => yamlBlock(key, value));
    return `---\n${lines.join("\n")}\n---\n${body.startsWith("\n") ? "" : "\n"}${body}`;
  }
  let before: Record<string, unknown>;
  try {
    before = readFields(original.yaml);
  } catch {
    // Opened as text (readContentFile): the body is the whole file.
    return body;
  }
  const written = new Set<string>();
  const blocks = blocksOf(original.yaml).flatMap(({ key, text }) => {
    if (key === undefined || !(key in before)) return [text];
    written.add(key);
    const next = fields[key];
    if (sameValue(besideThePage(key, before[key]), besideThePage(key, next))) return [text];
    if (isEmpty(next)) return [];
    return [yamlBlock(key, next)];
  });
  for (const [key, value] of Object.entries(fields)) {
    if (!written.has(key) && !isEmpty(value)) blocks.push(yamlBlock(key, value));
  }
  const yamlText = blocks.join("\n");
  return `${original.opening}${yamlText}${yamlText && original.yaml === "" ? "\n" : ""}${original.closing}${body}`;
}
