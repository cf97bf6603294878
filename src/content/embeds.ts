import { escapeAttribute, escapeHtml } from "./html.ts";

/**
 * Iframes written in content (podcast players, maps, forms) load another site as the page opens, and the live
 * site's had no title. Each becomes the click-to-load placeholder the videos use: nothing is requested from the
 * other site before the visitor asks, and the player gets a title. Same-site iframes are left as written.
 */

const knownHosts: Record<string, string> = {
  "embed.acast.com": "Lecteur de podcast Acast",
  "player.ausha.co": "Lecteur de podcast Ausha",
  "www.youtube.com": "Lecteur vidéo YouTube",
  "www.youtube-nocookie.com": "Lecteur vidéo YouTube",
  "player.vimeo.com": "Lecteur vidéo Vimeo",
  "www.dailymotion.com": "Lecteur vidéo Dailymotion",
  "geo.dailymotion.com": "Lecteur vidéo Dailymotion",
};

function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of tag.matchAll(/([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    attributes.set(match[1]!.toLowerCase(), match[2] ?? match[3] ?? match[4] ?? "");
  }
  attributes.delete("iframe");
  return attributes;
}

function pixels(value: string | undefined): number | undefined {
  const number = value ? Number.parseFloat(value) : Number.NaN;
  return value && /^\s*\d+(\.\d+)?\s*(px)?\s*$/i.test(value) && number > 0 ? Math.round(number) : undefined;
}

/** The placeholder for one cross-origin iframe, or undefined when the iframe is the site's own. */
export function embedPlaceholder(iframeTag: string): string | undefined {
  const attributes = attributesOf(iframeTag);
  const src = attributes.get("src") ?? "";
  let host: string;
  try {
    const url = new URL(src.startsWith("//") ? `https:${src}` : src);
    if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
    host = url.host;
  } catch {
    return undefined;
  }
  const title = attributes.get("title")?.trim() || `${knownHosts[host] ?? "Contenu intégré"} (${host})`;
  const height = pixels(attributes.get("height"));
  const allow = attributes.get("allow") ?? "";
  // A fixed height (a podcast player) is kept for the player; without one, the frame takes a video's 16:9 box.
  const frameClass = height ? "video-consent__frame embed-consent__frame" : "fr-responsive-vid video-consent__frame";
  return `<div class="fr-content-media video-consent" data-video-provider="iframe" data-video-id="${escapeAttribute(src)}" data-video-title="${escapeAttribute(title)}"${height ? ` data-embed-height="${height}"` : ""}${allow ? ` data-embed-allow="${escapeAttribute(allow)}"` : ""}>
<div class="${frameClass}">
<div class="video-consent__placeholder">
<p class="video-consent__notice">Ce contenu est hébergé par ${escapeHtml(host)}. Rien n'est chargé depuis ce site tant que vous ne l'affichez pas ; ensuite, il peut déposer des cookies.</p>
<button type="button" class="fr-btn video-consent__play" hidden>Afficher le contenu<span class="fr-sr-only"> : ${escapeHtml(title)}</span></button>
<p class="video-consent__nojs fr-text--sm">L'affichage de ce contenu nécessite JavaScript : <a href="${escapeAttribute(src)}" rel="noopener">ouvrir le contenu sur ${escapeHtml(host)}</a>.</p>
</div>
</div>
</div>`;
}

/** Every cross-origin iframe of a page's HTML replaced by its placeholder. */
export function deferEmbeds(html: string): string {
  if (!html.includes("<iframe")) return html;
  return html.replace(/<iframe\b[^>]*>[\s\S]*?<\/iframe>/gi, (iframe) => embedPlaceholder(iframe.slice(0, iframe.indexOf(">") + 1)) ?? iframe);
}
