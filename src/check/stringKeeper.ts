/**
 * Values read from a parsed page are slices of its HTML, and V8 keeps the whole page alive for each slice kept:
 * the heap grew by about a page per page checked (1.8 GB at 7,612 pages). The keeper stores one standalone copy per
 * distinct value (the header's and footer's links are on every page).
 */
export function stringKeeper(): (value: string) => string {
  const kept = new Map<string, string>();
  return (value) => {
    let copy = kept.get(value);
    if (copy === undefined) {
      copy = Buffer.from(value, "utf8").toString("utf8");
      kept.set(copy, copy);
    }
    return copy;
  };
}
