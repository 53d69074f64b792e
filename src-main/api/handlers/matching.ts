import { addAvoidPair, listAvoidPairs, removeAvoidPair } from '../../services/matching/avoid-list';
import { acceptSuggestions, checkPair, overridePair, rejectSuggestion, undoRejection } from '../../services/matching/decisions';
import { markWorking } from '../../services/matching/kept-pairs';
import type { MatchingProblem } from '../../services/matching/problem';
import { getProfile, setProfile } from '../../services/matching/profiles';
import { listRejections } from '../../services/matching/rejections';
import { suggestMatches } from '../../services/matching/suggest';
import { readMatchingWeights, updateMatchingWeights } from '../../services/matching/weights';
import type { VaultSession } from '../../services/vault-session';
import type { TaskRunner } from '../../workers/pool';
import type { HandlerGroup } from './group';

export function matchingHandlers(session: VaultSession, tasks?: TaskRunner) {
  const solve = tasks && ((problem: MatchingProblem) => tasks.run('matching.solve', problem));
  return {
    'matching.suggest': (input) => suggestMatches(session.context(), input, solve),
    'matching.accept': (input) => acceptSuggestions(session.context(), input),
    'matching.reject': (input) => rejectSuggestion(session.context(), input),
    'matching.rejections.list': () => listRejections(session.context()),
    'matching.unreject': (input) => undoRejection(session.context(), input),
    'matching.checkPair': (input) => checkPair(session.context(), input),
    'matching.override': (input) => overridePair(session.context(), input),
    'matching.markWorking': (input) => markWorking(session.context(), input),
    'matching.weights.get': () => readMatchingWeights(session.context().db),
    'matching.weights.update': (input) => updateMatchingWeights(session.context(), input),
    'matching.avoid.list': () => listAvoidPairs(session.context()),
    'matching.avoid.add': (input) => addAvoidPair(session.context(), input),
    'matching.avoid.remove': (input) => removeAvoidPair(session.context(), input),
    'matching.profile.get': (input) => getProfile(session.context(), input),
    'matching.profile.set': (input) => setProfile(session.context(), input),
  } satisfies HandlerGroup<'matching.'>;
}
