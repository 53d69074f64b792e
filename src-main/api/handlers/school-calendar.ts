import { listCalendars, removeCalendar, saveCalendar } from '../../services/calendar/calendars';
import { previewIcsImport } from '../../services/calendar/ics';
import type { VaultSession } from '../../services/vault-session';
import type { HandlerGroup } from './group';

export function schoolCalendarHandlers(session: VaultSession) {
  return {
    'calendar.list': () => listCalendars(session.context()),
    'calendar.save': (input) => saveCalendar(session.context(), input),
    'calendar.remove': ({ id }) => removeCalendar(session.context(), id),
    // Reads only the text sent; the vault must still be open, as for every channel of a program setting.
    'calendar.importIcs': (input) => {
      session.context();
      return previewIcsImport(input);
    },
  } satisfies HandlerGroup<'calendar.'>;
}
