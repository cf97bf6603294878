// A table wider than the screen scrolls inside its box: keyboard users must be able to reach that box (and
// scroll it with the arrow keys), so it becomes focusable, named after its table, while it scrolls.

function nameOf(box: HTMLElement): string {
  const caption = box.querySelector("caption")?.textContent?.trim();
  if (caption) return caption;
  let previous = box.closest(".fr-table")?.previousElementSibling;
  while (previous && !/^H[1-6]$/.test(previous.tagName)) previous = previous.previousElementSibling;
  return previous?.textContent?.trim() ? `Tableau : ${previous.textContent.trim()}` : "Tableau";
}

function markScrollingTables(): void {
  for (const box of document.querySelectorAll<HTMLElement>(".fr-table__container")) {
    const scrolls = box.scrollWidth > box.clientWidth + 1;
    if (scrolls && !box.hasAttribute("tabindex")) {
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", nameOf(box));
      box.dataset.scrolls = "";
    } else if (!scrolls && box.dataset.scrolls !== undefined) {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
      delete box.dataset.scrolls;
    }
  }
}

let pending = false;
window.addEventListener("resize", () => {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => {
    pending = false;
    markScrollingTables();
  });
});
markScrollingTables();
