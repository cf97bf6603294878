// Audience measurement with Matomo, in the mode the CNIL exempts from consent: no cookie, nothing stored
// on the visitor's device, loaded only once the page has finished loading. Only on pages when the site's
// owner turned it on (_data/analytics.json). A visitor can refuse it on the personal data page; a browser
// that sends Do Not Track or Global Privacy Control is never counted.

const refusalKey = "mesure-audience-refusee";

function hasRefused(): boolean {
  try {
    return localStorage.getItem(refusalKey) === "1";
  } catch {
    return false;
  }
}

const choice = document.getElementById("refus-mesure-audience") as HTMLInputElement | null;
if (choice) {
  choice.checked = hasRefused();
  choice.closest<HTMLElement>("[hidden]")?.removeAttribute("hidden");
  choice.addEventListener("change", () => {
    try {
      if (choice.checked) localStorage.setItem(refusalKey, "1");
      else localStorage.removeItem(refusalKey);
    } catch {
      // Storage disabled: nothing is measured across pages anyway without it being remembered.
    }
  });
}

const settings = document.getElementById("matomo-reglages")?.dataset;
const privacySignal = navigator.doNotTrack === "1" || (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true;

if (settings?.url && settings.site && !hasRefused() && !privacySignal) {
  const queue: unknown[][] = ((window as Window & { _paq?: unknown[][] })._paq ??= []);
  queue.push(["disableCookies"], ["setTrackerUrl", `${settings.url}matomo.php`], ["setSiteId", settings.site], ["trackPageView"], ["enableLinkTracking"]);
  const load = () => {
    const script = document.createElement("script");
    script.async = true;
    script.src = `${settings.url}matomo.js`;
    document.head.append(script);
  };
  if (document.readyState === "complete") load();
  else addEventListener("load", load, { once: true });
}
