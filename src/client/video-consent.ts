// Click-to-load videos and embeds: the player (and anything from the host) is requested only when the visitor asks.
// An "iframe" placeholder (src/content/embeds.ts) carries the address content gave its iframe.
const embedUrls: Record<string, (id: string) => string> = {
  dailymotion: (id) => `https://www.dailymotion.com/embed/video/${encodeURIComponent(id)}?autoplay=1`,
  iframe: (src) => src,
};

function loadPlayer(container: HTMLElement): void {
  const provider = container.dataset.videoProvider ?? "";
  const id = container.dataset.videoId ?? "";
  const embedUrl = embedUrls[provider];
  const frame = container.querySelector<HTMLElement>(".video-consent__frame");
  if (!embedUrl || !id || !frame) return;
  const iframe = document.createElement("iframe");
  iframe.className = "fr-responsive-vid__player";
  iframe.src = embedUrl(id);
  const isVideo = provider === "dailymotion";
  iframe.title = isVideo ? `${container.dataset.videoTitle ?? "Vidéo"} (lecteur Dailymotion)` : (container.dataset.videoTitle ?? "Contenu intégré");
  iframe.allow = isVideo ? "autoplay; fullscreen; picture-in-picture" : (container.dataset.embedAllow ?? "");
  if (container.dataset.embedHeight) {
    iframe.className = "embed-consent__player";
    iframe.height = container.dataset.embedHeight;
  }
  iframe.allowFullscreen = true;
  frame.replaceChildren(iframe);
  iframe.focus();
}

export function enhanceVideos(root: ParentNode = document): void {
  for (const container of root.querySelectorAll<HTMLElement>(".video-consent[data-video-id]")) {
    const button = container.querySelector<HTMLButtonElement>(".video-consent__play");
    const noScriptNotice = container.querySelector<HTMLElement>(".video-consent__nojs");
    if (!button) continue;
    button.hidden = false;
    if (noScriptNotice) noScriptNotice.hidden = true;
    button.addEventListener("click", () => loadPlayer(container), { once: true });
  }
}

enhanceVideos();
