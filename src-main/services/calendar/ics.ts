/**
 * A school's iCalendar (.ics) file read into a calendar preview, with Mozilla's ical.js (the parser
 * Thunderbird uses; README says why): nothing is saved here, Settings shows the preview and the user
 * saves it (`calendar.save`), so a misread event costs one click, not a wrong fidelity count.
 *
 * What becomes what, for the events of that school year (1 July to 30 June):
 * - "first day of school/classes/instruction" sets the first day; "last day of …" the last day;
 * - "end of quarter 1", "Q2 ends", "end of trimester", "report cards" end a reporting period; the
 *   periods run end to end from the first day, and the last one ends on the last day of school;
 * - any other all-day event is a break (one day or several); each occurrence of a recurring one too;
 * - timed events (early release at 1 pm), events wholly on a weekend and events outside the year are
 *   listed as skipped, with why.
 */
import ICAL from 'ical.js';
import { AppError, type CalendarImportPreview, type SchoolBreak, schoolYearStart } from '../../contract';
import { addDays, dateOfDay, dayNumber } from '../../contract/calendar';

type Time = InstanceType<typeof ICAL.Time>;
type Skipped = CalendarImportPreview['skipped'][number];

const FIRST_DAY = /\bfirst day of (school|classes|class|instruction|students)\b/i;
const LAST_DAY = /\blast day of (school|classes|class|instruction|students)\b/i;
const PERIOD_END =
  /\b(end of (the )?(\w+ )?(quarter|trimester|semester|marking period|grading period|term)|(quarter|trimester|semester|marking period|grading period|term|q[1-4]|t[1-3]) (\d )?ends?|report cards?)\b/i;
const ORDINALS: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 };

/** Occurrences of one recurring event read at most (a school year has about 190 school days). */
const MAX_OCCURRENCES = 400;

/** A Time's calendar date; its day may have run past the month's end (ical.js adds days lazily). */
function dateOfTime(time: Time): string {
  const month = String(time.month).padStart(2, '0');
  return dateOfDay(dayNumber(`${String(time.year).padStart(4, '0')}-${month}-01`) + time.day - 1);
}

/** "Q2", "T1" or "S2" when the summary says which period it is, else null. */
function periodLabel(summary: string): string | null {
  const kind = /trimester/i.test(summary) ? 'T' : /semester/i.test(summary) ? 'S' : 'Q';
  const number =
    /\b[qts]([1-4])\b/i.exec(summary)?.[1] ??
    /\b(?:quarter|trimester|semester|term|period) ([1-4])\b/i.exec(summary)?.[1] ??
    String(ORDINALS[/\b(first|second|third|fourth|1st|2nd|3rd|4th)\b/i.exec(summary)?.[1]?.toLowerCase() ?? ''] ?? '');
  return number ? `${kind}${number}` : null;
}

interface Occurrence {
  summary: string;
  from: string;
  /** Inclusive. */
  to: string;
  allDay: boolean;
}

/** Every occurrence inside [spanFrom, spanTo] (recurring events expanded), and the timed events skipped. */
function occurrences(icsText: string, spanFrom: string, spanTo: string): Occurrence[] {
  let root: InstanceType<typeof ICAL.Component>;
  try {
    root = new ICAL.Component(ICAL.parse(icsText));
  } catch {
    throw new AppError('calendar_ics_unreadable', 'That file is not an iCalendar (.ics) file this app can read.');
  }
  if (root.name !== 'vcalendar') {
    throw new AppError('calendar_ics_unreadable', 'That file is not an iCalendar (.ics) file this app can read.');
  }
  const found: Occurrence[] = [];
  for (const component of root.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(component);
    // An exception to a recurring event is read with the event it belongs to.
    if (event.isRecurrenceException() || !component.hasProperty('dtstart')) continue;
    const summary = (event.summary ?? '').trim().slice(0, 200) || 'Untitled event';
    const allDay = event.startDate.isDate;
    const read = (start: Time, end: Time) => {
      const from = dateOfTime(start);
      const endDate = dateOfTime(end);
      // An all-day event's end is exclusive (RFC 5545 3.6.1); a timed one ends on its own day.
      const to = allDay ? addDays(endDate, -1) : endDate;
      found.push({ summary, from, to: to < from ? from : to, allDay });
    };
    if (!event.isRecurring() || !allDay) {
      read(event.startDate, event.endDate);
      continue;
    }
    const expansion = event.iterator();
    for (let count = 0; count < MAX_OCCURRENCES; count += 1) {
      const next = expansion.next();
      if (!next || dateOfTime(next) > spanTo) break;
      const details = event.getOccurrenceDetails(next);
      if (dateOfTime(details.startDate) >= spanFrom) read(details.startDate, details.endDate);
    }
  }
  return found.sort((a, b) => a.from.localeCompare(b.from) || a.summary.localeCompare(b.summary));
}

function hasWeekday(from: string, to: string): boolean {
  for (let day = dayNumber(from), last = Math.min(dayNumber(to), dayNumber(from) + 6); day <= last; day += 1) {
    const weekday = (((day + 4) % 7) + 7) % 7;
    if (weekday >= 1 && weekday <= 5) return true;
  }
  return false;
}

/** The preview of `icsText` for `school`'s `year` ("2026-2027"); refuses a file it cannot read. */
export function previewIcsImport(input: { school: string; year: string; icsText: string }): CalendarImportPreview {
  const start = schoolYearStart(input.year);
  if (start === null) throw new AppError('calendar_year_invalid', 'Write the school year as two years in a row, like 2026-2027.');
  const spanFrom = `${start}-07-01`;
  const spanTo = `${start + 1}-06-30`;
  const events = occurrences(input.icsText, spanFrom, spanTo);
  const skipped: Skipped[] = [];
  const inYear = events.filter((event) => {
    if (event.to >= spanFrom && event.from <= spanTo) return true;
    skipped.push({ summary: event.summary, date: event.from, reason: 'outside_year' });
    return false;
  });
  const firstDay = inYear.find((event) => FIRST_DAY.test(event.summary))?.from ?? null;
  const lastDay = inYear.findLast((event) => LAST_DAY.test(event.summary))?.from ?? null;

  const ends: { label: string | null; endsOn: string }[] = [];
  const breaks: SchoolBreak[] = [];
  for (const event of inYear) {
    if (FIRST_DAY.test(event.summary) || LAST_DAY.test(event.summary)) continue;
    if (PERIOD_END.test(event.summary)) {
      ends.push({ label: periodLabel(event.summary), endsOn: event.from });
    } else if (!event.allDay) {
      skipped.push({ summary: event.summary, date: event.from, reason: 'timed' });
    } else if ((firstDay && event.to < firstDay) || (lastDay && event.from > lastDay)) {
      skipped.push({ summary: event.summary, date: event.from, reason: 'outside_year' });
    } else if (!hasWeekday(event.from, event.to)) {
      skipped.push({ summary: event.summary, date: event.from, reason: 'weekend' });
    } else if (breaks.some((pause) => pause.from === event.from && pause.to === event.to)) {
      skipped.push({ summary: event.summary, date: event.from, reason: 'duplicate' });
    } else {
      const from = firstDay && event.from < firstDay ? firstDay : event.from;
      const to = lastDay && event.to > lastDay ? lastDay : event.to;
      breaks.push({ name: event.summary, from, to });
    }
  }
  return {
    school: input.school,
    year: input.year,
    firstDay,
    lastDay,
    breaks,
    reportingPeriods: periodsFrom(ends, firstDay, lastDay),
    skipped,
  };
}

/** Period ends laid end to end from the first day; the year's last period ends on the last day. */
function periodsFrom(
  found: readonly { label: string | null; endsOn: string }[],
  firstDay: string | null,
  lastDay: string | null,
): CalendarImportPreview['reportingPeriods'] {
  // One end per date (a "report cards" event on the day a quarter ends is the same end).
  const ends = [...new Map(found.map((end) => [end.endsOn, end])).values()].sort((a, b) => a.endsOn.localeCompare(b.endsOn));
  if (ends.length === 0 || !firstDay) return [];
  const last = ends.at(-1);
  if (lastDay && last && last.endsOn < lastDay) ends.push({ label: null, endsOn: lastDay });
  const periods: CalendarImportPreview['reportingPeriods'] = [];
  let startsOn = firstDay;
  for (const [index, end] of ends.entries()) {
    if (end.endsOn < startsOn || (lastDay && end.endsOn > lastDay)) continue;
    periods.push({ label: end.label ?? `Q${index + 1}`, startsOn, endsOn: end.endsOn });
    startsOn = addDays(end.endsOn, 1);
  }
  return periods;
}
