/**
 * The mentor page's activity channel. Its own group because it reads the progress records (sessions,
 * check-ins) rather than the mentor record; the mentors group leaves this one channel to it.
 */
import { mentorActivity } from '../../services/progress/mentor-activity';
import type { VaultSession } from '../../services/vault-session';
import type { HandlerGroup } from './group';

export function mentorActivityHandlers(session: VaultSession) {
  return {
    'mentors.activity': (input) => mentorActivity(session.context(), input),
  } satisfies Pick<HandlerGroup<'mentors.'>, 'mentors.activity'>;
}
