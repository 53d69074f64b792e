/**
 * What the meeting's own channels hand the room: the meeting and its proposals with every other
 * student's and every peer's name, number and initials scrubbed out of the words the team typed
 * (proposal text, attendee names) by the one scrubber — the same rule the shared screen's view uses
 * (reports/meeting-view.ts). Done here, on the service side, so no channel allowed in meeting mode
 * can hand the renderer raw text, whatever the screen then shows.
 */
import type { Meeting, Proposal } from '../../contract/meetings';
import { reportText } from '../../reports/i18n/index';
import { scrubberFor } from '../../reports/redact';
import type { ServiceContext } from '../context';
import { redactionPeople, withAttendees } from '../reports/people';
import { getStudent } from '../students/students';

type Scrub = (text: string) => string;

/** The scrubber for a meeting's room: the meeting's student keeps their own names; peers and other students become "[a peer]". */
function roomScrubber(ctx: ServiceContext, meeting: Pick<Meeting, 'studentId' | 'language' | 'attendees'>): Scrub {
  const student = getStudent(ctx, meeting.studentId);
  const people = withAttendees(redactionPeople(ctx, meeting.studentId), meeting.attendees);
  return scrubberFor(student, people, reportText(meeting.language).t('parent.redactedPeer')).scrub;
}

function scrubProposal(proposal: Proposal, scrub: Scrub): Proposal {
  return { ...proposal, text: proposal.text === null ? null : scrub(proposal.text) };
}

/** The meeting as the room may see it. */
export function meetingForRoom(ctx: ServiceContext, meeting: Meeting): Meeting {
  const scrub = roomScrubber(ctx, meeting);
  return {
    ...meeting,
    attendees: meeting.attendees.map((attendee) => ({ ...attendee, name: scrub(attendee.name) })),
    proposals: meeting.proposals.map((proposal) => scrubProposal(proposal, scrub)),
  };
}

/** A proposal just recorded, as the room may see it (`meeting` is the one it belongs to). */
export function proposalForRoom(
  ctx: ServiceContext,
  meeting: Pick<Meeting, 'studentId' | 'language' | 'attendees'>,
  proposal: Proposal,
): Proposal {
  return scrubProposal(proposal, roomScrubber(ctx, meeting));
}
