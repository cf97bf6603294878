/**
 * Ids that stay unique within a page when a component appears several times on it
 * (transcriptions, accordions). Counters are per page and reset at the start of each build.
 */
const counters = new Map<string, number>();

export function resetPageIds(): void {
  counters.clear();
}

export function nextPageId(pageKey: string, prefix: string): string {
  const key = `${pageKey}\u0000${prefix}`;
  const count = (counters.get(key) ?? 0) + 1;
  counters.set(key, count);
  return `${prefix}-${count}`;
}
