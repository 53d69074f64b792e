/**
 * The caseload dashboard and the program-health list. The whole program's takes seconds of reading
 * in a district vault, so with a task pool it is read in a worker thread (workers/tasks.ts), over its
 * own read-only connection, as this session's acting user at this session's moment; one case
 * manager's caseload takes tens of milliseconds and stays here.
 */
import { caseloadDashboard, programHealth } from '../../services/caseload/dashboard';
import type { VaultSession } from '../../services/vault-session';
import type { TaskRunner } from '../../workers/pool';
import type { TaskOutput } from '../../workers/tasks';
import type { HandlerGroup } from './group';

type ProgramTask = 'caseload.programDashboard' | 'health.programFlags';

export function caseloadHandlers(session: VaultSession, tasks?: TaskRunner) {
  return {
    'caseload.dashboard': (input) =>
      tasks && input.scope.kind === 'program'
        ? readProgram(session, tasks, 'caseload.programDashboard')
        : caseloadDashboard(session.context(), input),
    'health.flags': (input) =>
      tasks && input.scope.kind === 'program'
        ? readProgram(session, tasks, 'health.programFlags')
        : programHealth(session.context(), input),
  } satisfies HandlerGroup<'caseload.' | 'health.'>;
}

async function readProgram<N extends ProgramTask>(session: VaultSession, tasks: TaskRunner, name: N): Promise<TaskOutput<N>> {
  const ctx = session.context();
  const vault = session.readerAccess();
  try {
    return await tasks.run(
      name,
      { vault, actor: ctx.actor, now: ctx.now().getTime() },
      { transfer: [vault.dataKey.buffer as ArrayBuffer] },
    );
  } finally {
    // The copy moved to the thread (leaving an empty array here), unless the task never got that far (locked while queued).
    if (vault.dataKey.byteLength > 0) vault.dataKey.fill(0);
  }
}
