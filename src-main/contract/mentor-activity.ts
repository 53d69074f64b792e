/**
 * What a mentor has done, for the mentor page: their sessions (held and missed), their service
 * hours (the minutes of held sessions, this school year and all time) and how their own workload
 * and confidence ratings moved across check-ins. Service hours carry their roles and dates because
 * recognition letters quote them ("12.5 hours as a peer tutor, September to June").
 */
import { z } from 'zod';
import { Id } from './common';
import { PeerRole } from './plans';
import { MissReason, SessionStatus } from './progress';

export const ServiceHours = z.object({
  /** The range counted (a school year runs 1 July to 30 June); both null for all time. */
  from: z.string().nullable(),
  to: z.string().nullable(),
  heldSessions: z.number().int(),
  minutes: z.number().int(),
  /** minutes / 60, to one decimal. */
  hours: z.number(),
  /** The roles served in those sessions, most minutes first. */
  roles: z.array(z.object({ role: PeerRole, heldSessions: z.number().int(), minutes: z.number().int() })),
  /** The first and the last held session counted; null when none. */
  firstDate: z.string().nullable(),
  lastDate: z.string().nullable(),
});
export type ServiceHours = z.infer<typeof ServiceHours>;

export const MentorSession = z.object({
  id: Id,
  date: z.string(),
  status: SessionStatus,
  missReason: MissReason.nullable(),
  minutes: z.number().int(),
  accommodationId: Id,
  /** The accommodation's role and class, so the list reads "Math 7 — peer tutor" without another call. */
  role: PeerRole,
  settingClass: z.string(),
});
export type MentorSession = z.infer<typeof MentorSession>;

/** The mentor's own ratings (1–5) from one check-in. */
export const MentorRating = z.object({
  checkInId: Id,
  date: z.string(),
  workload: z.number().int().nullable(),
  confidence: z.number().int().nullable(),
});
export type MentorRating = z.infer<typeof MentorRating>;

export const MentorActivity = z.object({
  hours: z.object({ schoolYear: ServiceHours, allTime: ServiceHours }),
  /** The most recent sessions first, as many as asked. */
  sessions: z.array(MentorSession),
  /** Every session of the mentor, all time: more than `sessions` holds means there is more to show. */
  sessionCounts: z.object({ held: z.number().int(), missed: z.number().int() }),
  /** Check-ins with a workload or confidence rating for this mentor, oldest first. */
  ratings: z.array(MentorRating),
});
export type MentorActivity = z.infer<typeof MentorActivity>;

export const mentorActivity = {
  'mentors.activity': {
    input: z.object({ mentorId: Id, sessionsLimit: z.number().int().min(1).max(500).default(10) }).strict(),
    output: MentorActivity,
  },
} as const;
