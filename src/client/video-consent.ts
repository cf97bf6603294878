// Click-to-load videos: the player (and anything from the host) is requested only when the visitor asks.
const embedUrls: Record<string, (id: string) => string> = {
  dailymotion: (id) => `https://www.dailymotion.com/embed/video/${encodeURIComponent(id)}?autoplay=1`,
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
  iframe.title = `${container.dataset.videoTitle ?? "Vidéo"} (lecteur Dailymotion)`;
  iframe.allow = "autoplay; fullscreen; picture-in-picture";
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
