import { hasTag, type ListItem } from "./lists.ts";

export const eventTags = ["Formation", "Événement"];

export interface EventItem extends ListItem {
  data: ListItem["data"] & { endDate?: Date; location?: string; description?: string };
}

export function isEvent(item: ListItem): boolean {
  return eventTags.some((tag) => hasTag(item, tag));
}

/** The event tags these events carry, in the order of `eventTags`: the tag pages that list them all. */
export function eventTagsOf(events: ListItem[]): string[] {
  return eventTags.filter((tag) => events.some((event) => hasTag(event, tag)));
}

function lastDay(event: EventItem): Date {
  return event.data.endDate instanceof Date ? event.data.endDate : event.date;
}

/** Events still to come (soonest first) and past ones (latest first), as of the build day (UTC). */
export function splitEvents(posts: ListItem[], now: Date): { upcoming: EventItem[]; past: EventItem[] } {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const events = posts.filter(isEvent) as EventItem[];
  return {
    upcoming: events.filter((e) => lastDay(e).getTime() >= today).sort((a, b) => a.date.getTime() - b.date.getTime()),
    past: events.filter((e) => lastDay(e).getTime() < today).sort((a, b) => b.date.getTime() - a.date.getTime()),
  };
}

function icsText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

function icsDate(date: Date): string {
  return date.toISOString().slice(0, 10).replace(/-/g, "");
}

function icsTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`;
}

/** RFC 5545 lines are at most 75 octets; longer ones continue on lines that start with a space. */
function fold(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  for (const char of line) {
    const limit = parts.length === 0 ? 75 : 74;
    if (encoder.encode(current + char).length > limit) {
      parts.push(current);
      current = char;
    } else current += char;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** An iCalendar file of the given events (all-day events, end date inclusive as written by editors). */
export function eventsCalendar(events: EventItem[], siteUrl: string, calendarName: string, now: Date): string {
  const host = new URL(siteUrl).host;
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:-//${host}//Evenements//FR`, "CALSCALE:GREGORIAN", "METHOD:PUBLISH", `X-WR-CALNAME:${icsText(calendarName)}`];
  for (const event of events) {
    const end = new Date(lastDay(event).getTime() + 24 * 3600 * 1000);
    lines.push(
      "BEGIN:VEVENT",
      `UID:${event.url.replace(/^\/|\/$/g, "").replace(/\//g, "-")}@${host}`,
      `DTSTAMP:${icsTimestamp(now)}`,
      `DTSTART;VALUE=DATE:${icsDate(event.date)}`,
      `DTEND;VALUE=DATE:${icsDate(end)}`,
      `SUMMARY:${icsText(event.data.title ?? "")}`,
      ...(event.data.location ? [`LOCATION:${icsText(event.data.location)}`] : []),
      ...(event.data.description ? [`DESCRIPTION:${icsText(event.data.description)}`] : []),
      `URL:${new URL(event.url, siteUrl).href}`,
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(fold).join("\r\n")}\r\n`;
}
