import {
  createCheckIn,
  deleteCheckIn,
  listCheckInsForMentor,
  listCheckInsForStudent,
  updateCheckIn,
} from '../../services/progress/check-ins';
import { getProgressCodes, setActiveCodeSet } from '../../services/progress/codes';
import { fidelityForAccommodation, fidelityForSchool, fidelityForStudent } from '../../services/progress/fidelity-service';
import { amendMark, finalizePeriod, getMark, listMarksForPlan, saveMark } from '../../services/progress/marks';
import { deleteObservation, listObservationsForStudent, recordObservation } from '../../services/progress/observations';
import { createPoint, createPoints, deletePoint, listPointsForGoal, updatePoint } from '../../services/progress/points';
import { sessionDefaults, studentWeek } from '../../services/progress/session-views';
import {
  createSession,
  createSessions,
  deleteSession,
  listSessionsForAccommodation,
  updateSession,
} from '../../services/progress/sessions';
import type { VaultSession } from '../../services/vault-session';
import type { HandlerGroup } from './group';

export function progressHandlers(session: VaultSession) {
  return {
    'sessions.create': (input) => createSession(session.context(), input),
    'sessions.createMany': (input) => createSessions(session.context(), input),
    'sessions.update': (input) => updateSession(session.context(), input),
    'sessions.delete': (input) => deleteSession(session.context(), input),
    'sessions.listForAccommodation': (input) => listSessionsForAccommodation(session.context(), input),
    'sessions.week': (input) => studentWeek(session.context(), input),
    'sessions.defaults': (input) => sessionDefaults(session.context(), input),
    'checkIns.create': (input) => createCheckIn(session.context(), input),
    'checkIns.update': (input) => updateCheckIn(session.context(), input),
    'checkIns.delete': (input) => deleteCheckIn(session.context(), input),
    'checkIns.listForStudent': (input) => listCheckInsForStudent(session.context(), input),
    'checkIns.listForMentor': (input) => listCheckInsForMentor(session.context(), input),
    'progressPoints.create': (input) => createPoint(session.context(), input),
    'progressPoints.createMany': (input) => createPoints(session.context(), input),
    'progressPoints.update': (input) => updatePoint(session.context(), input),
    'progressPoints.delete': (input) => deletePoint(session.context(), input),
    'progressPoints.listForGoal': (input) => listPointsForGoal(session.context(), input),
    'observations.record': (input) => recordObservation(session.context(), input),
    'observations.listForStudent': (input) => listObservationsForStudent(session.context(), input),
    'observations.delete': (input) => deleteObservation(session.context(), input),
    'fidelity.forAccommodation': (input) => fidelityForAccommodation(session.context(), input),
    'fidelity.forStudent': (input) => fidelityForStudent(session.context(), input),
    'fidelity.forSchool': (input) => fidelityForSchool(session.context(), input),
    'progressCodes.get': () => getProgressCodes(session.context()),
    'progressCodes.setActive': (input) => setActiveCodeSet(session.context(), input),
    'progressMarks.listForPlan': (input) => listMarksForPlan(session.context(), input),
    'progressMarks.get': (input) => getMark(session.context(), input),
    'progressMarks.save': (input) => saveMark(session.context(), input),
    'progressMarks.finalize': (input) => finalizePeriod(session.context(), input),
    'progressMarks.amend': (input) => amendMark(session.context(), input),
  } satisfies HandlerGroup<
    'sessions.' | 'checkIns.' | 'progressPoints.' | 'observations.' | 'fidelity.' | 'progressCodes.' | 'progressMarks.'
  >;
}
