// "Copier le lien" in the share block: the page's address to the clipboard, said on screen and to screen readers
// by the status line beside the buttons. Without the clipboard (no JavaScript, an insecure page) the button stays hidden.
for (const button of document.querySelectorAll<HTMLButtonElement>("[data-copy-link]")) {
  const status = button.closest(".fr-share")?.querySelector<HTMLElement>("[data-copy-status]");
  if (!navigator.clipboard || !status) continue;
  button.closest("li")?.removeAttribute("hidden");
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(button.dataset.copyLink || location.href);
      status.textContent = "Lien de la page copié dans le presse-papier.";
    } catch {
      status.textContent = "Le lien n'a pas pu être copié : sélectionnez l'adresse de la page dans la barre du navigateur.";
    }
  });
}
