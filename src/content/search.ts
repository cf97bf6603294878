import { hasTag, type ListItem } from "./lists.ts";
import { isEvent } from "./events.ts";

interface SearchablePage {
  url?: string | false;
  data: ListItem["data"] & { type?: string; date?: Date };
}

/** The kind of page shown on search results and offered as a filter. */
export function searchType(page: SearchablePage): string {
  const url = typeof page.url === "string" ? page.url : "";
  const item = page as unknown as ListItem;
  if (url.startsWith("/actualites/")) {
    if (hasTag(item, "Vidéo")) return "Vidéo";
    if (hasTag(item, "Podcast")) return "Podcast";
    if (hasTag(item, "Lettre d'information")) return "Lettre d'information";
    if (isEvent(item)) return "Formation ou événement";
    return "Actualité";
  }
  if (url.startsWith("/publications/") || page.data.type === "publication") return "Publication";
  return "Page";
}
