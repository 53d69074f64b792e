/**
 * The school calendar's channels: list, save (one school's year), remove, and the .ics import that
 * returns a preview the user confirms (nothing is saved until `calendar.save`). The rules the
 * calendars feed live in school-year.ts; the checks a saved calendar must pass are
 * `calendarProblems` there, refused by the service with their own codes.
 */
import { z } from 'zod';
import { Id, IsoDate, ShortText } from './common';

const SchoolName = z.string().trim().min(1, 'Enter the school.').max(200);
export const SchoolYearLabel = z.string().regex(/^\d{4}-\d{4}$/, 'Write the school year like 2026-2027.');

export const SchoolBreakSchema = z.object({ name: ShortText.min(1, 'Name the break.'), from: IsoDate, to: IsoDate }).strict();
export const CalendarPeriodSchema = z.object({ label: ShortText.min(1, 'Name the period.'), startsOn: IsoDate, endsOn: IsoDate }).strict();

/** A calendar as entered: everything but its id. */
export const SchoolCalendarInput = z
  .object({
    school: SchoolName,
    year: SchoolYearLabel,
    firstDay: IsoDate,
    lastDay: IsoDate,
    breaks: z.array(SchoolBreakSchema).max(100),
    reportingPeriods: z.array(CalendarPeriodSchema).max(12),
  })
  .strict();
export type SchoolCalendarInput = z.infer<typeof SchoolCalendarInput>;

export const SchoolCalendarSchema = SchoolCalendarInput.extend({ id: Id });

/** Why an event of an imported .ics did not become part of the calendar. */
export const SkippedEventReason = z.enum(['timed', 'outside_year', 'weekend', 'duplicate']);

/** What an .ics file would make of a school year: shown in Settings, saved only when confirmed. */
export const CalendarImportPreview = z.object({
  school: z.string(),
  year: z.string(),
  /** Null when the file names no first (or last) day of school: the user enters it. */
  firstDay: IsoDate.nullable(),
  lastDay: IsoDate.nullable(),
  breaks: z.array(SchoolBreakSchema),
  reportingPeriods: z.array(CalendarPeriodSchema),
  skipped: z.array(z.object({ summary: z.string(), date: IsoDate, reason: SkippedEventReason })),
});
export type CalendarImportPreview = z.infer<typeof CalendarImportPreview>;

/** An .ics file of a school year is a few hundred kilobytes at most. */
export const MAX_ICS_CHARS = 2_000_000;

export const schoolCalendar = {
  'calendar.list': {
    input: z.object({}).strict(),
    /** Every calendar (oldest year first) and every school named by a student or a mentor. */
    output: z.object({ calendars: z.array(SchoolCalendarSchema), schools: z.array(z.string()) }),
  },
  /** Saves the school's calendar for that year, replacing the one it had. */
  'calendar.save': { input: SchoolCalendarInput, output: SchoolCalendarSchema },
  'calendar.remove': { input: z.object({ id: Id }).strict(), output: z.object({ removed: z.literal(true) }) },
  'calendar.importIcs': {
    input: z
      .object({
        school: SchoolName,
        year: SchoolYearLabel,
        icsText: z.string().max(MAX_ICS_CHARS, 'The file is larger than 2 MB; is it a school calendar?'),
      })
      .strict(),
    output: CalendarImportPreview,
  },
} as const;
