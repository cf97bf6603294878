/** A measure as French readers write it: decimal comma, thin space between thousands ("7 612", "62,18"). */
export function numberFr(value: unknown): string {
  return typeof value === "number" && Number.isFinite(value) ? value.toLocaleString("fr-FR", { maximumFractionDigits: 2 }) : "–";
}
