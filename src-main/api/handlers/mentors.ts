import {
  checkAssignment,
  createAssignment,
  endAssignment,
  listAssignmentsForAccommodation,
  listAssignmentsForMentor,
} from '../../services/mentors/assignments';
import { addRecognition, addTimeOff, withdrawConsent } from '../../services/mentors/lifecycle';
import { archiveMentor, createMentor, getMentor, listMentors, restoreMentor, updateMentor } from '../../services/mentors/mentors';
import type { VaultSession } from '../../services/vault-session';
import type { HandlerGroup } from './group';

export function mentorHandlers(session: VaultSession) {
  return {
    'mentors.list': (input) => listMentors(session.context(), input),
    'mentors.get': (input) => getMentor(session.context(), input),
    'mentors.create': (input) => createMentor(session.context(), input),
    'mentors.update': (input) => updateMentor(session.context(), input),
    'mentors.archive': (input) => archiveMentor(session.context(), input),
    'mentors.restore': (input) => restoreMentor(session.context(), input),
    'mentors.withdrawConsent': (input) => withdrawConsent(session.context(), input),
    'mentors.addTimeOff': (input) => addTimeOff(session.context(), input),
    'mentors.addRecognition': (input) => addRecognition(session.context(), input),
    'assignments.listForAccommodation': (input) => listAssignmentsForAccommodation(session.context(), input),
    'assignments.listForMentor': (input) => listAssignmentsForMentor(session.context(), input),
    'assignments.check': (input) => checkAssignment(session.context(), input),
    'assignments.create': (input) => createAssignment(session.context(), input),
    'assignments.end': (input) => endAssignment(session.context(), input),
  } satisfies Omit<HandlerGroup<'mentors.' | 'assignments.'>, 'mentors.activity'>;
}
