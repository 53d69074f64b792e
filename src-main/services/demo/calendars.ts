/** Step: each demo school gets its calendars (the school years around the start), which its goals inherit. */
import type { SchoolCalendar } from '../../contract/school-year';
import { demoCalendarsAround, instant } from './calendar';
import type { DemoWorld } from './model';

export function makeCalendars(world: DemoWorld): void {
  const createdAt = instant(world.startDate, 7 * 60);
  world.calendars = world.schools.map((school) =>
    demoCalendarsAround(world.startDate).map((year): SchoolCalendar => {
      const calendar = { id: world.streams.id('calendar'), school: school.name, ...year };
      world.rows.schoolCalendars.push({
        ...calendar,
        breaks: JSON.stringify(calendar.breaks),
        reportingPeriods: JSON.stringify(calendar.reportingPeriods),
        createdAt,
        updatedAt: createdAt,
      });
      return calendar;
    }),
  );
}
