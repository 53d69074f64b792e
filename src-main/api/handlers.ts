/**
 * Maps every contract channel to its service call, one group per domain (api/handlers/*.ts).
 * Adding a feature adds one contract entry, one service function and one line in its group.
 */
import type { VaultSession } from '../services/vault-session';
import type { TaskRunner } from '../workers/pool';
import type { Handlers } from './dispatch';
import { absentKeysDropped } from './handlers/absent-keys';
import { caseloadHandlers } from './handlers/caseload';
import { refusedOffTheCommandLine } from './handlers/command-line';
import { createFileChoices, type FileDialogs } from './handlers/files';
import { matchingHandlers } from './handlers/matching';
import { meetingHandlers, refusedInMeetingMode } from './handlers/meetings';
import { mentorActivityHandlers } from './handlers/mentor-activity';
import { mentorHandlers } from './handlers/mentors';
import { planHandlers } from './handlers/plans';
import { progressHandlers } from './handlers/progress';
import { reportHandlers } from './handlers/reports';
import { rosterHandlers } from './handlers/roster';
import { schoolCalendarHandlers } from './handlers/school-calendar';
import { staffHandlers } from './handlers/staff';
import { studentHandlers } from './handlers/students';
import { type VaultFolders, vaultHandlers } from './handlers/vault';

export interface HandlerOptions extends VaultFolders {
  /** The shell's file dialogs (the app, the e2e host); absent on the command line. */
  dialogs?: FileDialogs | undefined;
  /** Where the heavy computing runs (worker threads); without it, in this thread. */
  tasks?: TaskRunner | undefined;
  /**
   * This dispatch serves the command line: the channels that name a file or folder on disk
   * (contract `commandLineOnly`) answer. Everywhere else (IPC, the e2e host) they refuse.
   */
  commandLine?: boolean | undefined;
}

export function createHandlers(session: VaultSession, options: HandlerOptions = {}): Handlers {
  const files = createFileChoices(options.dialogs);
  const guarded = refusedInMeetingMode(session, {
    ...vaultHandlers(session, { dir: options.dir, demoDir: options.demoDir }),
    ...staffHandlers(session),
    ...studentHandlers(session),
    ...planHandlers(session),
    ...mentorHandlers(session),
    ...mentorActivityHandlers(session),
    ...rosterHandlers(session, files),
    ...progressHandlers(session),
    ...caseloadHandlers(session, options.tasks),
    ...reportHandlers(session, files, options.tasks),
    ...matchingHandlers(session, options.tasks),
    ...files.handlers,
    ...meetingHandlers(session, files, options.tasks),
    ...schoolCalendarHandlers(session),
  });
  return absentKeysDropped(refusedOffTheCommandLine(guarded, options.commandLine ?? false));
}
