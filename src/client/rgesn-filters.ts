// Referential index. Each theme after the first links its own page: its list of criteria is brought in from there
// as the reader nears it, and every list before filtering. The filters hide non-matching criteria in place, with
// their state in the URL; they apply as soon as they change (a group of selects, not a form to submit).
const opener = document.querySelector<HTMLButtonElement>("[data-rgesn-filters-open]");
const filtersTemplate = document.querySelector<HTMLTemplateElement>("[data-rgesn-filters-template]");

const filterFields = ["thematique", "priorite", "difficulte", "metier"] as const;
type Field = (typeof filterFields)[number];

const loading = new Map<HTMLAnchorElement, Promise<void>>();

/** Puts in place of the link the theme page's list; on failure the link stays, and leads there. */
function loadThemeList(link: HTMLAnchorElement): Promise<void> {
  let loaded = loading.get(link);
  if (!loaded) {
    loaded = fetch(link.href)
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error(String(response.status)))))
      .then((html) => {
        const list = new DOMParser().parseFromString(html, "text/html").querySelector(".rgesn-criteria");
        if (list) (link.closest("p") ?? link).replaceWith(document.importNode(list, true));
      })
      .catch(() => undefined);
    loading.set(link, loaded);
  }
  return loaded;
}

const themeLinks = () => [...document.querySelectorAll<HTMLAnchorElement>("a[data-rgesn-theme-list]")];
const loadEveryList = () => Promise.all(themeLinks().map(loadThemeList));

if ("IntersectionObserver" in window) {
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        void loadThemeList(entry.target as HTMLAnchorElement);
      }
    },
    // Early enough that a reader scrolling at a normal pace never waits for a list.
    { rootMargin: "0px 0px 600px 0px" },
  );
  for (const link of themeLinks()) observer.observe(link);
}

function matches(item: HTMLElement, theme: string, values: Record<Field, string>): boolean {
  return (
    (!values.thematique || theme === values.thematique) &&
    (!values.priorite || item.dataset.priorite === values.priorite) &&
    (!values.difficulte || item.dataset.difficulte === values.difficulte) &&
    (!values.metier || (item.dataset.metiers ?? "").includes(`|${values.metier}|`))
  );
}

function apply(form: HTMLElement, values: Record<Field, string>): void {
  let shown = 0;
  let total = 0;
  for (const section of document.querySelectorAll<HTMLElement>(".rgesn-theme")) {
    let shownInTheme = 0;
    for (const item of section.querySelectorAll<HTMLElement>(".rgesn-criteria > li")) {
      const visible = matches(item, section.dataset.thematique ?? "", values);
      item.hidden = !visible;
      total++;
      if (visible) shownInTheme++;
    }
    section.hidden = shownInTheme === 0;
    shown += shownInTheme;
  }
  const count = form.querySelector("[data-rgesn-count]");
  if (count) {
    count.textContent =
      shown === total
        ? `${total} critères affichés.`
        : shown === 0
          ? `Aucun des ${total} critères ne correspond à ces filtres : élargissez-en un, ou réinitialisez-les.`
          : `${shown} critères affichés sur ${total}.`;
  }
  const reset = form.querySelector<HTMLButtonElement>("[data-rgesn-reset]");
  if (reset) reset.hidden = !Object.values(values).some(Boolean);
}

function showInUrl(values: Record<Field, string>): void {
  const query = new URLSearchParams(Object.entries(values).filter(([, value]) => value));
  history.replaceState(null, "", query.size ? `?${query}` : location.pathname);
}

/** The filter fields, put in the page; each change filters every criterion, once all lists are in. */
async function openFilters(params: URLSearchParams, focus: boolean): Promise<void> {
  if (!opener || !filtersTemplate) return;
  opener.after(filtersTemplate.content.cloneNode(true));
  opener.hidden = true;
  const form = document.querySelector<HTMLElement>("[data-rgesn-filters]");
  if (!form) return;
  const select = (field: Field) => form.querySelector<HTMLSelectElement>(`select[name="${field}"]`);
  const readValues = () => Object.fromEntries(filterFields.map((field) => [field, select(field)?.value ?? ""])) as Record<Field, string>;
  for (const field of filterFields) {
    const control = select(field);
    const value = params.get(field);
    if (control && value && [...control.options].some((option) => option.value === value)) control.value = value;
  }
  if (focus) select(filterFields[0])?.focus();
  const count = form.querySelector("[data-rgesn-count]");
  if (count) count.textContent = "Chargement des critères…";
  await loadEveryList();
  apply(form, readValues());
  form.addEventListener("change", () => {
    const values = readValues();
    apply(form, values);
    showInUrl(values);
  });
  form.querySelector("[data-rgesn-reset]")?.addEventListener("click", () => {
    for (const field of filterFields) {
      const control = select(field);
      if (control) control.value = "";
    }
    const values = readValues();
    apply(form, values);
    showInUrl(values);
    // The button hides itself: the focus goes back to the first filter rather than to the page.
    select(filterFields[0])?.focus();
  });
}

if (opener && filtersTemplate) {
  const params = new URLSearchParams(location.search);
  // A filtered address (shared, or the page reloaded) opens with its filters applied.
  if (filterFields.some((field) => params.get(field))) void openFilters(params, false);
  else {
    opener.hidden = false;
    opener.addEventListener("click", () => void openFilters(params, true), { once: true });
  }
}
