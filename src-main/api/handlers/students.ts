import { deidentifyStudent, purgeStudent } from '../../services/students/retention';
import {
  archiveStudent,
  createStudent,
  getStudent,
  listStudents,
  markNoLongerNeeded,
  restoreStudent,
  updateStudent,
} from '../../services/students/students';
import type { VaultSession } from '../../services/vault-session';
import type { HandlerGroup } from './group';

export function studentHandlers(session: VaultSession) {
  return {
    'students.list': (query) => listStudents(session.context(), query),
    'students.get': ({ id }) => getStudent(session.context(), id),
    'students.create': (input) => createStudent(session.context(), input),
    'students.update': (input) => updateStudent(session.context(), input),
    'students.archive': ({ id }) => archiveStudent(session.context(), id),
    'students.restore': ({ id }) => restoreStudent(session.context(), id),
    'students.markNoLongerNeeded': (input) => markNoLongerNeeded(session.context(), input),
    'students.purge': (input) => purgeStudent(session.context(), input),
    'students.deidentify': (input) => deidentifyStudent(session.context(), input),
  } satisfies HandlerGroup<'students.'>;
}
