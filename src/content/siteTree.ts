export interface SitePage {
  title: string;
  url: string;
}

export interface SiteTreeNode extends SitePage {
  children: SiteTreeNode[];
}

const collator = new Intl.Collator("fr", { sensitivity: "base", numeric: true });

function parentUrl(url: string): string | undefined {
  const trimmed = url.replace(/\/$/, "");
  if (!trimmed) return undefined;
  return `${trimmed.slice(0, trimmed.lastIndexOf("/") + 1)}`;
}

/**
 * Pages arranged by their URLs: each page sits under the nearest page whose URL contains its own.
 * Siblings are in French alphabetical order; the home page is not part of the tree (it heads the plan).
 */
export function buildSiteTree(pages: SitePage[]): SiteTreeNode[] {
  const nodes = new Map<string, SiteTreeNode>();
  for (const page of pages) {
    if (page.url !== "/" && !nodes.has(page.url)) nodes.set(page.url, { ...page, children: [] });
  }
  const roots: SiteTreeNode[] = [];
  for (const node of nodes.values()) {
    let parent = parentUrl(node.url);
    while (parent && parent !== "/" && !nodes.has(parent)) parent = parentUrl(parent);
    const parentNode = parent && parent !== "/" ? nodes.get(parent) : undefined;
    (parentNode ? parentNode.children : roots).push(node);
  }
  const sort = (list: SiteTreeNode[]): SiteTreeNode[] => {
    list.sort((a, b) => collator.compare(a.title, b.title));
    for (const node of list) sort(node.children);
    return list;
  };
  return sort(roots);
}
