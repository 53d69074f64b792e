import type { Channel } from '../../contract';
import type { RenderReport } from '../../reports/render';
import { applyProposal, endMeeting, getMeeting, listMeetings, recordDecision, startMeeting } from '../../services/meetings/meetings';
import { meetingSummaryPdf, presentMeeting, saveMeetingSummary } from '../../services/meetings/presentation';
import { meetingForRoom, proposalForRoom } from '../../services/meetings/room';
import { previewOf } from '../../services/reports/export';
import type { VaultSession } from '../../services/vault-session';
import type { TaskRunner } from '../../workers/pool';
import type { Handlers } from '../dispatch';
import type { FileChoices } from './files';
import type { HandlerGroup } from './group';

/** What meeting mode answers: the meeting's own calls, and the vault's status, lock and unlock. */
export const MEETING_MODE_CHANNELS: ReadonlySet<Channel> = new Set<Channel>([
  'vault.status',
  'vault.lock',
  'vault.unlock',
  'vault.unlockWithRecoveryKey',
  'vault.activity',
  'vault.assessPassphrase',
  'settings.get',
  'meetings.current',
  'meetings.presenter',
  'meetings.decide',
  'meetings.leave',
]);

/**
 * Every other channel refuses while meeting mode is on, before its handler runs — a second wall
 * behind the session's own (its `context()` refuses too), so a channel that reads no context, or
 * one added later, cannot reach another student during a meeting.
 */
export function refusedInMeetingMode(session: VaultSession, handlers: Handlers): Handlers {
  const guarded: Record<string, unknown> = { ...handlers };
  for (const [channel, handler] of Object.entries(handlers) as [Channel, (input: unknown) => unknown][]) {
    if (MEETING_MODE_CHANNELS.has(channel)) continue;
    guarded[channel] = (input: unknown) => {
      session.refuseInMeeting();
      return handler(input);
    };
  }
  return guarded as Handlers;
}

/**
 * Meeting mode's channels. `current`, `presenter`, `decide` and `leave` reach the session's meeting
 * through `session.inMeeting()` (the student comes from the session, never from the request) and
 * answer only scrubbed text (`services/meetings/room.ts`, the presenter's view its own); the rest use `session.context()`, which the session refuses while a meeting is on. Saving a summary
 * writes only where the save dialog said (`files`), as `reports.save` does, and draws in `tasks`' threads.
 */
export function meetingHandlers(session: VaultSession, files?: Pick<FileChoices, 'claim'>, tasks?: TaskRunner) {
  // The summary is drawn like every report: in the app's worker threads when it has them.
  const render: RenderReport | undefined = tasks ? (job, signal) => tasks.run('reports.render', job, { signal }) : undefined;
  return {
    'meetings.start': (input) =>
      session.enterMeeting((ctx) => {
        const meeting = startMeeting(ctx, input);
        return { ...meeting, meetingId: meeting.id };
      }),
    'meetings.current': () => {
      const on = session.meetingMode();
      if (!on) return null;
      const { ctx, meeting } = session.inMeeting();
      return meetingForRoom(ctx, getMeeting(ctx, meeting.meetingId));
    },
    'meetings.presenter': ({ language }) => {
      const { ctx, meeting } = session.inMeeting();
      return presentMeeting(ctx, meeting.meetingId, language);
    },
    'meetings.decide': (input) => {
      const { ctx, meeting } = session.inMeeting();
      const proposal = recordDecision(ctx, meeting.meetingId, input);
      return proposalForRoom(ctx, getMeeting(ctx, meeting.meetingId), proposal);
    },
    'meetings.leave': ({ passphrase }) =>
      session.leaveMeeting(passphrase, (ctx, ending) => meetingForRoom(ctx, endMeeting(ctx, ending.meetingId))),
    'meetings.list': ({ studentId }) => listMeetings(session.context(), studentId),
    'meetings.apply': ({ proposalId }) => applyProposal(session.context(), proposalId),
    'meetings.summary': async (input) => previewOf(await meetingSummaryPdf(session.context(), input, render)),
    'meetings.saveSummary': (input) => {
      session.context();
      files?.claim('file', input.path);
      return saveMeetingSummary(session.context(), input, render);
    },
  } satisfies HandlerGroup<'meetings.'>;
}
