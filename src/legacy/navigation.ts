/**
 * The live site's navigation filters over collection items (UPSTREAM-API.md §2.1): built from the items
 * passed in only, so pages kept out of collections never appear, as live.
 */

interface NavigationItem {
  url: string;
  data: { title?: string; eleventyNavigation?: { key?: string; parent?: string; title?: string; order?: number; [k: string]: unknown }; [k: string]: unknown };
}

export interface NavigationEntry {
  key: string;
  title: string;
  parent?: string;
  parentKey?: string;
  order: number;
  url: string;
  data: NavigationItem["data"];
  pluginType: "eleventy-navigation";
  children: NavigationEntry[];
  [k: string]: unknown;
}

function entriesOf(items: unknown): NavigationItem[] {
  return Array.isArray(items) ? (items as NavigationItem[]).filter((item) => item?.data?.eleventyNavigation?.key) : [];
}

/**
 * The entries whose parent is `key` (the top level without one), children nested, sorted by `order`
 * with a missing order counting as 0 (eleventy-navigation 0.3, which the live site ran; 1.0 puts them last).
 */
export function eleventyNavigationExtended(items: unknown, key?: string): NavigationEntry[] {
  const all = entriesOf(items);
  const byParent = new Map<string, NavigationItem[]>();
  for (const item of all) {
    const parent = item.data.eleventyNavigation!.parent ?? "";
    byParent.set(parent, [...(byParent.get(parent) ?? []), item]);
  }
  const build = (parentKey: string, seen: Set<string>): NavigationEntry[] =>
    (byParent.get(parentKey) ?? [])
      .map((item) => ({ item, order: Number(item.data.eleventyNavigation!.order ?? 0) || 0 }))
      .sort((a, b) => a.order - b.order)
      .map(({ item, order }) => {
        const nav = item.data.eleventyNavigation!;
        const ownKey = nav.key!;
        // A page that names itself (or an ancestor) as parent would loop: its children stop there.
        const children = seen.has(ownKey) ? [] : build(ownKey, new Set([...seen, ownKey]));
        return {
          ...nav,
          key: ownKey,
          title: nav.title ?? ownKey,
          order,
          url: (nav.url as string | undefined) ?? item.url,
          data: item.data,
          pluginType: "eleventy-navigation" as const,
          ...(parentKey ? { parentKey } : {}),
          children,
        };
      });
  return build(key ?? "", new Set(key ? [key] : []));
}

/** For each key, in order, the first page with that navigation key; unknown keys are skipped. */
export function eleventyNavigationByKeys(items: unknown, keys: unknown): { title: string; url: string; data: NavigationItem["data"] }[] {
  const all = entriesOf(items);
  const list = Array.isArray(keys) ? keys : typeof keys === "string" ? [keys] : [];
  return list.flatMap((key) => {
    const item = all.find((entry) => entry.data.eleventyNavigation!.key === key);
    return item ? [{ title: item.data.title ?? String(key), url: item.url, data: item.data }] : [];
  });
}
