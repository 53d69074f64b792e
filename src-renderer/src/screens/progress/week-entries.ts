/**
 * One entry of the week view before it is saved: held (the usual minutes, mentors and goals), missed
 * (with a reason) or left for now, plus an optional progress value per goal. Pure: the screen keeps
 * only the entries the teacher changed and derives the rest from the week's defaults.
 */
import type { Accommodation, InputOf, MissReason, SessionDefaults, StudentWeek } from '../../../../src-main/contract';

export type EntryStatus = 'held' | 'missed' | 'skip';

export interface WeekEntry {
  status: EntryStatus;
  missReason: MissReason | '';
  /** As typed. */
  minutes: string;
  mentorIds: string[];
  goalIds: string[];
  /** Progress values as typed, by goal id; an empty one records no point. */
  points: Readonly<Record<string, string>>;
  note: string;
}

export type NewSession = InputOf<'sessions.create'>;
export type WeekRow = StudentWeek['accommodations'][number];
export type WeekDay = WeekRow['days'][number];

export function entryKey(accommodationId: string, date: string): string {
  return `${accommodationId}|${date}`;
}

/** A scheduled day starts as held with the usual minutes; any other day starts left for now. */
export function startingEntry(defaults: SessionDefaults, scheduled: boolean): WeekEntry {
  return {
    status: scheduled ? 'held' : 'skip',
    missReason: '',
    minutes: String(defaults.minutes),
    mentorIds: defaults.mentorIds,
    goalIds: defaults.goalIds,
    points: {},
    note: '',
  };
}

/** What the entry saves, or null when it is left for now. Numbers are checked by the form and the service. */
export function sessionOf(accommodationId: string, date: string, entry: WeekEntry): NewSession | null {
  if (entry.status === 'skip') return null;
  const note = entry.note.trim() ? { note: entry.note.trim() } : {};
  if (entry.status === 'missed') {
    return {
      accommodationId,
      date,
      status: 'missed',
      minutes: 0,
      ...(entry.missReason ? { missReason: entry.missReason } : {}),
      mentorIds: entry.mentorIds,
      goalIds: [],
      progress: [],
      ...note,
    };
  }
  const progress = entry.goalIds
    .map((goalId) => ({ goalId, text: (entry.points[goalId] ?? '').trim() }))
    .filter((point) => point.text !== '')
    .map((point) => ({ goalId: point.goalId, value: Number(point.text) }));
  return {
    accommodationId,
    date,
    status: 'held',
    minutes: Number(entry.minutes),
    mentorIds: entry.mentorIds,
    goalIds: entry.goalIds,
    progress,
    ...note,
  };
}

/** A typed number the form accepts: empty (when allowed) or a finite number. */
export function isNumberText(text: string, allowEmpty: boolean): boolean {
  const trimmed = text.trim();
  if (trimmed === '') return allowEmpty;
  return Number.isFinite(Number(trimmed));
}

/** A new session fits on this day: not after today, while the accommodation runs, with a slot left that weekday. */
export function hasRoom(accommodation: Pick<Accommodation, 'slots' | 'startDate' | 'endDate'>, day: WeekDay, today: string): boolean {
  const slots = accommodation.slots.filter((slot) => slot.day === day.day).length;
  return (
    day.date <= today &&
    day.date >= accommodation.startDate &&
    day.date <= accommodation.endDate &&
    day.sessions.length < Math.max(1, slots)
  );
}

/** What a cell shows: the entry as the teacher changed it, else the day's starting entry. */
export function entryFor(entries: Readonly<Record<string, WeekEntry>>, row: WeekRow, day: WeekDay): WeekEntry {
  return entries[entryKey(row.accommodation.id, day.date)] ?? startingEntry(day.defaults, day.scheduled);
}

/** Every session the shown week would save, row by row and day by day. */
export function weekSessions(week: StudentWeek, entries: Readonly<Record<string, WeekEntry>>, today: string): NewSession[] {
  return week.accommodations.flatMap((row) =>
    row.days
      .filter((day) => hasRoom(row.accommodation, day, today))
      .map((day) => sessionOf(row.accommodation.id, day.date, entryFor(entries, row, day)))
      .filter((session): session is NewSession => session !== null),
  );
}
