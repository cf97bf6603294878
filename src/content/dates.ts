const longDate = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "16 mars 2026": dates in content are calendar days, so they are read and shown in UTC. */
export function dateFr(date: unknown): string {
  return date instanceof Date && !Number.isNaN(date.getTime()) ? longDate.format(date) : "";
}

/** "2026-03-16", for `<time datetime>`. */
export function dateIso(date: unknown): string {
  return date instanceof Date && !Number.isNaN(date.getTime()) ? date.toISOString().slice(0, 10) : "";
}
