// Referential index: filters that hide non-matching criteria in place, with their state in the URL.
// The filters apply as soon as they change: a group of selects, not a form to submit.
const form = document.querySelector<HTMLElement>("[data-rgesn-filters]");

const filterFields = ["thematique", "priorite", "difficulte", "metier"] as const;
type Field = (typeof filterFields)[number];

function matches(item: HTMLElement, theme: string, values: Record<Field, string>): boolean {
  return (
    (!values.thematique || theme === values.thematique) &&
    (!values.priorite || item.dataset.priorite === values.priorite) &&
    (!values.difficulte || item.dataset.difficulte === values.difficulte) &&
    (!values.metier || (item.dataset.metiers ?? "").includes(`|${values.metier}|`))
  );
}

function apply(values: Record<Field, string>): void {
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
  const count = form?.querySelector("[data-rgesn-count]");
  if (count) {
    count.textContent =
      shown === total
        ? `${total} critères affichés.`
        : shown === 0
          ? `Aucun des ${total} critères ne correspond à ces filtres : élargissez-en un, ou réinitialisez-les.`
          : `${shown} critères affichés sur ${total}.`;
  }
  const reset = form?.querySelector<HTMLButtonElement>("[data-rgesn-reset]");
  if (reset) reset.hidden = !Object.values(values).some(Boolean);
}

function showInUrl(values: Record<Field, string>): void {
  const query = new URLSearchParams(Object.entries(values).filter(([, value]) => value));
  history.replaceState(null, "", query.size ? `?${query}` : location.pathname);
}

function select(field: Field): HTMLSelectElement | null {
  return form?.querySelector<HTMLSelectElement>(`select[name="${field}"]`) ?? null;
}

function readValues(): Record<Field, string> {
  return Object.fromEntries(filterFields.map((field) => [field, select(field)?.value ?? ""])) as Record<Field, string>;
}

if (form) {
  const params = new URLSearchParams(location.search);
  for (const field of filterFields) {
    const control = select(field);
    const value = params.get(field);
    if (control && value && [...control.options].some((option) => option.value === value)) control.value = value;
  }
  form.hidden = false;
  apply(readValues());
  form.addEventListener("change", () => {
    const values = readValues();
    apply(values);
    showInUrl(values);
  });
  form.querySelector("[data-rgesn-reset]")?.addEventListener("click", () => {
    for (const field of filterFields) {
      const control = select(field);
      if (control) control.value = "";
    }
    const values = readValues();
    apply(values);
    showInUrl(values);
    // The button hides itself: the focus goes back to the first filter rather than to the page.
    select(filterFields[0])?.focus();
  });
}
