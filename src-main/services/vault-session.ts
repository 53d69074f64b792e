/**
 * The app's one open vault, composed from its concepts in `session/`: opening and locking
 * (`session.ts`), the team (`team.ts`), passphrases and the recovery key (`secrets.ts`), the demo
 * (`demo.ts`), settings, backups and checks (`maintenance.ts`) and meeting mode (`meeting-mode.ts`).
 * Both shells (Electron and the CLI) and the e2e host hold one of these; nothing here imports
 * Electron. The rest of the code imports the session's names from this file.
 */
import { demoMethods } from './session/demo';
import { maintenanceMethods } from './session/maintenance';
import { meetingModeMethods } from './session/meeting-mode';
import { secretMethods } from './session/secrets';
import { createSessionCore, openAndLock, type VaultSessionOptions } from './session/session';
import { teamMethods } from './session/team';

export { DEMO_PASSPHRASE } from './session/demo';
export { MEETING_MODE_REFUSAL, type MeetingMode } from './session/meeting-mode';
export type { LockReason, VaultSessionOptions } from './session/session';

export type VaultSession = ReturnType<typeof createVaultSession>;

export function createVaultSession(options: VaultSessionOptions) {
  const core = createSessionCore(options);
  return {
    ...openAndLock(core),
    ...secretMethods(core),
    ...teamMethods(core),
    ...demoMethods(core),
    ...maintenanceMethods(core),
    ...meetingModeMethods(core),
  };
}
