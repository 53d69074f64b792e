/**
 * Meeting mode: the session shows one student's meeting and nothing else until the acting member's
 * passphrase ends it. It outlives a lock (unlocking again returns to the meeting, not the app).
 * The gate (is a meeting on?) is checked by the session's guard; the methods start, reach and end it.
 */
import { AppError } from '../../contract';
import type { ServiceContext } from '../context';
import { NO_FAILURES, recordFailure, retryAfterMs, type ThrottleState } from '../unlock-throttle';
import { opensOwnSlot } from './secrets';
import type { SessionCore } from './session';

export interface MeetingMode {
  meetingId: string;
  studentId: string;
}

export const MEETING_MODE_REFUSAL = 'Meeting mode is on: only the meeting can be shown. Leave meeting mode with your passphrase first.';

/** The meeting that is on, if any, and the waits after wrong passphrases when leaving it. */
export interface MeetingGate {
  /** Throws `forbidden` while meeting mode is on. */
  refuse(): void;
  current(): MeetingMode | null;
  enter(meeting: MeetingMode): void;
  /** Wrong passphrases when leaving meeting mode wait longer each time, as at unlock. */
  retryAfterMs(now: number): number;
  recordFailure(now: number): void;
  leave(): void;
}

export function createMeetingGate(): MeetingGate {
  let meeting: MeetingMode | null = null;
  let throttle: ThrottleState = NO_FAILURES;
  return {
    refuse(): void {
      if (meeting) throw new AppError('forbidden', MEETING_MODE_REFUSAL);
    },
    current: () => (meeting ? { ...meeting } : null),
    enter(next: MeetingMode): void {
      meeting = { meetingId: next.meetingId, studentId: next.studentId };
      throttle = NO_FAILURES;
    },
    retryAfterMs: (now: number) => retryAfterMs(throttle, now),
    recordFailure(now: number): void {
      throttle = recordFailure(throttle, now);
    },
    leave(): void {
      meeting = null;
      throttle = NO_FAILURES;
    },
  };
}

export function meetingModeMethods(core: SessionCore) {
  const { meeting } = core;
  return {
    /** Throws `forbidden` while meeting mode is on (the dispatch's guard for every other channel). */
    refuseInMeeting: (): void => meeting.refuse(),

    /** The meeting that is on, if any. */
    meetingMode(): MeetingMode | null {
      return meeting.current();
    },

    /** Runs `start` (which records the meeting) and turns meeting mode on for what it returns. */
    enterMeeting<T extends MeetingMode>(start: (ctx: ServiceContext) => T): T {
      const started = start(core.contextOf(core.requireOutsideMeeting()));
      meeting.enter(started);
      return started;
    },

    /** The context for the meeting's own calls, with the meeting they may reach; refused outside meeting mode. */
    inMeeting(): { ctx: ServiceContext; meeting: MeetingMode } {
      const current = core.requireOpen();
      const on = meeting.current();
      if (!on) throw new AppError('conflict', 'Meeting mode is not on.');
      return { ctx: core.contextOf(current), meeting: on };
    },

    /**
     * Ends meeting mode when `passphrase` opens the acting member's own key slot (checked with the
     * slot's KDF); `finish` records the end. A wrong passphrase is refused and waits grow as at unlock.
     */
    async leaveMeeting<T>(passphrase: string, finish: (ctx: ServiceContext, ending: MeetingMode) => T): Promise<T> {
      const current = core.requireOpen();
      if (!meeting.current()) throw new AppError('conflict', 'Meeting mode is not on.');
      const wait = meeting.retryAfterMs(core.now());
      if (wait > 0) {
        throw new AppError('rate_limited', `Too many wrong attempts. Try again in ${Math.ceil(wait / 1000)} seconds.`, {
          retryAfterMs: wait,
        });
      }
      if (!(await opensOwnSlot(current.vault, passphrase))) {
        meeting.recordFailure(core.now());
        core.record({ action: 'meeting.leave_refused', subject: meeting.current()?.meetingId });
        throw new AppError('wrong_secret', 'That passphrase is not right; meeting mode stays on.');
      }
      const ending = meeting.current();
      if (!ending) throw new AppError('conflict', 'Meeting mode is not on.');
      const result = finish(core.contextOf(current), ending);
      meeting.leave();
      return result;
    },
  };
}
