/**
 * The vault's tables, as drizzle sees them. drizzle-kit turns changes here into SQL under
 * db/migrations/ (`npm run db:generate`); the app applies them at unlock on the keyed connection.
 * May import: drizzle-orm only. Column meanings are commented here, once.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** A team member who holds a key slot. The slot file knows only the id; the name lives here, encrypted. */
export const vaultMembers = sqliteTable('vault_members', {
  /** Same id as the key slot in keyslots.json. */
  slotId: text('slot_id').primaryKey(),
  name: text('name').notNull(),
  /** One of STAFF_ROLES in the contract. */
  role: text('role').notNull(),
  /** ISO-8601 instant. */
  addedAt: text('added_at').notNull(),
  /** Set when the slot is removed; the row stays so the audit trail keeps naming who did what. */
  removedAt: text('removed_at'),
  /**
   * The slot's Ed25519 signing public key (raw 32 bytes, base64), recorded when the member is added
   * and kept after removal, so the events they signed still verify. Null for members from before signing.
   */
  signingKey: text('signing_key'),
});

/** Small key/value settings; `value` is JSON. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * Who did what, when. Holds no student content: `subject` is an id or a kind of record,
 * `detail` is JSON with counts, dates and ids only.
 */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** ISO-8601 instant. */
    at: text('at').notNull(),
    /** The key slot that was unlocked when this happened; null for the vault's own events. */
    actorSlotId: text('actor_slot_id'),
    action: text('action').notNull(),
    subject: text('subject'),
    detail: text('detail'),
    /** The kind of record changed (student, plan, goal …) and its id. */
    entity: text('entity'),
    entityId: text('entity_id'),
    /** JSON array of the field names changed — names only, never values. */
    fields: text('fields'),
    /**
     * The key slot whose signing key signed this event (the actor's, or the recovery key's slot when
     * the recovery key was used); null for events from before signing, and unsigned ones.
     */
    signer: text('signer'),
    /** 1, 2, 3 … per signer: a gap means that signer's events were deleted, a step back that they were reordered. */
    signerSeq: integer('signer_seq'),
    /** The hash of the event before this one (the chain); null only on events from before signing. */
    prevHash: text('prev_hash'),
    /**
     * SHA-256 (hex) over every other column but `signature`, canonically encoded (services/audit.ts),
     * `prev_hash` included: editing or deleting any event breaks the chain.
     */
    hash: text('hash'),
    /** Ed25519 signature (base64) by `signer` over `hash`: rewriting the chain cannot re-sign another member's events. */
    signature: text('signature'),
  },
  // A signer's newest sequence number, read on every signed write, is one index step away.
  (table) => [index('audit_events_signer_idx').on(table.signer, table.signerSeq)],
);

/**
 * Each backup the app or the command line wrote, so the ones made before a data-key rotation (which
 * still open with the passphrases of that time) can be listed and deleted. A row whose file is gone
 * is simply not listed.
 */
export const backups = sqliteTable('backups', {
  id: text('id').primaryKey(),
  /** The absolute path the backup was written to. */
  path: text('path').notNull(),
  /** ISO-8601 instant the backup was taken. */
  madeAt: text('made_at').notNull(),
  bytes: integer('bytes').notNull(),
  /** The key slot that was unlocked when it was written; null under the recovery key. */
  madeBySlot: text('made_by_slot'),
});

// ── People ────────────────────────────────────────────────────────────────────────────────────

/** School staff: case managers, teachers, paraprofessionals, counselors, administrators. */
export const staff = sqliteTable('staff', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** One of STAFF_ROLES in the contract. */
  role: text('role').notNull(),
  email: text('email'),
  /** Local staff id from the student information system, if any. */
  localId: text('local_id').unique(),
  /** The key slot this staff member unlocks the vault with; the acting user of every change. */
  slotId: text('slot_id').unique(),
  archivedAt: text('archived_at'),
  createdAt: text('created_at').notNull(),
});

/** A student with an IEP or a 504 plan. PII kept to what the team needs. */
export const students = sqliteTable(
  'students',
  {
    id: text('id').primaryKey(),
    /** The school's student number; unique among live students. */
    localId: text('local_id').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    preferredName: text('preferred_name'),
    /** -1 pre-K, 0 kindergarten, 1–12, 13 post-secondary transition. */
    grade: integer('grade').notNull(),
    school: text('school').notNull(),
    /** ISO date, optional. */
    dateOfBirth: text('date_of_birth'),
    caseManagerId: text('case_manager_id').references(() => staff.id),
    /** active | archived | deidentified */
    status: text('status').notNull().default('active'),
    archivedAt: text('archived_at'),
    /** Set when the team marks the records as no longer needed (IDEA 300.624): a purge candidate. */
    noLongerNeededAt: text('no_longer_needed_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [
    index('students_name_idx').on(table.lastName, table.firstName),
    index('students_case_manager_idx').on(table.caseManagerId),
    // De-identified rows keep no local id worth protecting, so only live rows must be unique.
    uniqueIndex('students_local_id_live_idx').on(table.localId).where(sql`status != 'deidentified'`),
  ],
);

/** A parent or guardian of a student; their preferred language picks the parent report's language. */
export const guardians = sqliteTable(
  'guardians',
  {
    id: text('id').primaryKey(),
    studentId: text('student_id')
      .notNull()
      .references(() => students.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    relationship: text('relationship').notNull(),
    phone: text('phone'),
    email: text('email'),
    /** BCP 47 tag, e.g. "en", "es". */
    preferredLanguage: text('preferred_language').notNull().default('en'),
  },
  (table) => [index('guardians_student_idx').on(table.studentId)],
);

// ── Plans, goals, accommodations ─────────────────────────────────────────────────────────────

/** An IEP or 504 plan. Amendments add a new version; the old row is kept, read-only. */
export const plans = sqliteTable(
  'plans',
  {
    id: text('id').primaryKey(),
    studentId: text('student_id')
      .notNull()
      .references(() => students.id, { onDelete: 'cascade' }),
    /** iep | 504 */
    type: text('type').notNull(),
    /** 1 for the original plan, +1 per amendment. */
    version: integer('version').notNull().default(1),
    /** The version this one amends. */
    amendsId: text('amends_id'),
    /** ISO dates. */
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    annualReviewDue: text('annual_review_due').notNull(),
    reevaluationDue: text('reevaluation_due'),
    caseManagerId: text('case_manager_id').references(() => staff.id),
    /** draft | active | superseded | ended */
    status: text('status').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [index('plans_student_idx').on(table.studentId)],
);

/** The IEP team: staff members on a plan (parents are the guardians). */
export const planTeam = sqliteTable(
  'plan_team',
  {
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.id),
  },
  (table) => [primaryKey({ columns: [table.planId, table.staffId] })],
);

/**
 * A school's calendar for one school year: the days of instruction, its breaks and its reporting
 * periods. Anything that counts school days reads it (contract/school-year.ts); goals without
 * periods of their own inherit its periods.
 */
export const schoolCalendars = sqliteTable(
  'school_calendars',
  {
    id: text('id').primaryKey(),
    /** The school's name as students.school and mentors.school spell it. */
    school: text('school').notNull(),
    /** "2026-2027" */
    year: text('year').notNull(),
    /** ISO dates: the first and last day of instruction. */
    firstDay: text('first_day').notNull(),
    lastDay: text('last_day').notNull(),
    /** JSON array of {name, from, to} breaks and one-day holidays (ISO dates, inclusive). */
    breaks: text('breaks').notNull().default('[]'),
    /** JSON array of {label, startsOn, endsOn} reporting periods, in order. */
    reportingPeriods: text('reporting_periods').notNull().default('[]'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [uniqueIndex('school_calendars_school_year_idx').on(table.school, table.year)],
);

/** A measurable annual goal of a plan. */
export const goals = sqliteTable(
  'goals',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    /** reading | writing | math | social_emotional | behavior | communication | organization | independence */
    area: text('area').notNull(),
    statement: text('statement').notNull(),
    /** JSON object of the statement translated by the team, by language code: {"es": "…"}; null when none. */
    statementTranslations: text('statement_translations'),
    /** percent | frequency | duration | rubric | trials | intervals */
    measurement: text('measurement').notNull(),
    baseline: real('baseline').notNull(),
    target: real('target').notNull(),
    /** For rubric: the top level (e.g. 4); for trials: N of "correct of N". */
    scaleMax: real('scale_max'),
    /** e.g. "80% in 4 of 5 consecutive probes" */
    criterion: text('criterion').notNull(),
    /** e.g. "weekly" */
    measuredEvery: text('measured_every').notNull(),
    /** JSON array of {label, endsOn} reporting periods. */
    reportingPeriods: text('reporting_periods').notNull().default('[]'),
    /** ISO date by which the target should be met; inside the plan. */
    endDate: text('end_date').notNull(),
    /** JSON array of short-term objective texts. */
    objectives: text('objectives').notNull().default('[]'),
    /** JSON {k, n, consecutive}: k of the last n points at or beyond the target; null = read from `criterion`. */
    mastery: text('mastery'),
    /** The same goal in the plan version this one's plan amends: points and sessions follow the chain. */
    amendsId: text('amends_id'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [index('goals_plan_idx').on(table.planId)],
);

/** A peer-support accommodation of a plan. */
export const accommodations = sqliteTable(
  'accommodations',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    /** peer_tutor | peer_buddy | peer_note_taker | peer_facilitator | circle_of_friends | cooperative_group | leadership_rotation */
    role: text('role').notNull(),
    /** The class, e.g. "Math 7". */
    settingClass: text('setting_class').notNull(),
    /** JSON array of {day, period} slots when it happens. */
    slots: text('slots').notNull(),
    /** Sessions per week planned. */
    sessionsPerWeek: integer('sessions_per_week').notNull(),
    minutesPerSession: integer('minutes_per_session').notNull(),
    /** How many mentors the accommodation needs at once. */
    mentorsNeeded: integer('mentors_needed').notNull().default(1),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    notes: text('notes'),
    /** The same accommodation in the plan version this one's plan amends. */
    amendsId: text('amends_id'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [index('accommodations_plan_idx').on(table.planId)],
);

/** Which goals an accommodation serves (many-to-many). */
export const accommodationGoals = sqliteTable(
  'accommodation_goals',
  {
    accommodationId: text('accommodation_id')
      .notNull()
      .references(() => accommodations.id, { onDelete: 'cascade' }),
    goalId: text('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.accommodationId, table.goalId] }), index('accommodation_goals_goal_idx').on(table.goalId)],
);

// ── Peer mentors ─────────────────────────────────────────────────────────────────────────────

/** A student who volunteers as a peer mentor; their record is just as private. */
export const mentors = sqliteTable(
  'mentors',
  {
    id: text('id').primaryKey(),
    localId: text('local_id').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    preferredName: text('preferred_name'),
    grade: integer('grade').notNull(),
    school: text('school').notNull(),
    /** ISO dates; consent is current when given and not withdrawn. */
    consentGivenOn: text('consent_given_on'),
    consentWithdrawnOn: text('consent_withdrawn_on'),
    guardianConsentGivenOn: text('guardian_consent_given_on'),
    guardianConsentWithdrawnOn: text('guardian_consent_withdrawn_on'),
    /** How many peers at once. */
    loadCap: integer('load_cap').notNull().default(1),
    /** JSON array of interest words. */
    interests: text('interests').notNull().default('[]'),
    /** JSON array of {day, period} slots the mentor is free. */
    availability: text('availability').notNull().default('[]'),
    /** The student record of the mentor if they are also a supported student (a mentor cannot mentor themself). */
    studentId: text('student_id').references(() => students.id, { onDelete: 'set null' }),
    archivedAt: text('archived_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [index('mentors_name_idx').on(table.lastName, table.firstName), uniqueIndex('mentors_local_id_idx').on(table.localId)],
);

/** A completed training module of a mentor, with its expiry. */
export const mentorTraining = sqliteTable(
  'mentor_training',
  {
    mentorId: text('mentor_id')
      .notNull()
      .references(() => mentors.id, { onDelete: 'cascade' }),
    /** confidentiality | sensitivity | instructional_techniques | fostering_independence | getting_an_adult */
    module: text('module').notNull(),
    completedOn: text('completed_on').notNull(),
    expiresOn: text('expires_on'),
  },
  (table) => [primaryKey({ columns: [table.mentorId, table.module] })],
);

/** A stretch of time a mentor is off (exams, burnout, their own challenges). */
export const mentorTimeOff = sqliteTable(
  'mentor_time_off',
  {
    id: text('id').primaryKey(),
    mentorId: text('mentor_id')
      .notNull()
      .references(() => mentors.id, { onDelete: 'cascade' }),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
  },
  (table) => [index('mentor_time_off_mentor_idx').on(table.mentorId)],
);

/** Recognition: service hours, awards, letters. */
export const mentorRecognition = sqliteTable(
  'mentor_recognition',
  {
    id: text('id').primaryKey(),
    mentorId: text('mentor_id')
      .notNull()
      .references(() => mentors.id, { onDelete: 'cascade' }),
    /** service_hours | award | letter */
    kind: text('kind').notNull(),
    date: text('date').notNull(),
    hours: real('hours'),
    description: text('description').notNull(),
  },
  (table) => [index('mentor_recognition_mentor_idx').on(table.mentorId)],
);

/** A mentor assigned to an accommodation for a stretch of time. */
export const assignments = sqliteTable(
  'assignments',
  {
    id: text('id').primaryKey(),
    mentorId: text('mentor_id')
      .notNull()
      .references(() => mentors.id, { onDelete: 'cascade' }),
    accommodationId: text('accommodation_id')
      .notNull()
      .references(() => accommodations.id, { onDelete: 'cascade' }),
    startDate: text('start_date').notNull(),
    /** Null while the assignment runs. */
    endDate: text('end_date'),
    /** Why it ended: finished | consent_withdrawn | reassigned | other */
    endReason: text('end_reason'),
    createdAt: text('created_at').notNull(),
  },
  (table) => [index('assignments_mentor_idx').on(table.mentorId), index('assignments_accommodation_idx').on(table.accommodationId)],
);

// ── Sessions, check-ins and progress monitoring ─────────────────────────────────────────────

/** One planned meeting of a peer-support accommodation, held or missed. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    accommodationId: text('accommodation_id')
      .notNull()
      .references(() => accommodations.id, { onDelete: 'cascade' }),
    /** ISO date, a school day (Mon–Fri) inside the accommodation and its plan. */
    date: text('date').notNull(),
    /** held | missed */
    status: text('status').notNull(),
    /** When missed: student_absent | mentor_absent | schedule_change | other. Null when held. */
    missReason: text('miss_reason'),
    /** Minutes of peer support delivered: 1–240 when held, 0 when missed. */
    minutes: integer('minutes').notNull().default(0),
    note: text('note'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [index('sessions_accommodation_date_idx').on(table.accommodationId, table.date)],
);

/** The mentors of a session (who was there, or who was due when it was missed). */
export const sessionMentors = sqliteTable(
  'session_mentors',
  {
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    mentorId: text('mentor_id')
      .notNull()
      .references(() => mentors.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.sessionId, table.mentorId] }), index('session_mentors_mentor_idx').on(table.mentorId)],
);

/** The goals a session addressed: always goals its accommodation serves. */
export const sessionGoals = sqliteTable(
  'session_goals',
  {
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    goalId: text('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.sessionId, table.goalId] }), index('session_goals_goal_idx').on(table.goalId)],
);

/**
 * A momentary-time-sampling observation of a student: at each cue the observer recorded what was
 * happening at that instant. Its percentages become progress points for the goals it measures.
 */
export const observations = sqliteTable(
  'observations',
  {
    id: text('id').primaryKey(),
    studentId: text('student_id')
      .notNull()
      .references(() => students.id, { onDelete: 'cascade' }),
    /** ISO date. */
    date: text('date').notNull(),
    /** Seconds between cues, e.g. 15. */
    intervalSeconds: integer('interval_seconds').notNull(),
    /** Number of cues in the observation (the length of `intervals`). */
    totalIntervals: integer('total_intervals').notNull(),
    /**
     * JSON array, one entry per cue: {engaged, initiated, responded, nearAdult}, each true | false |
     * null (null = no tap at that cue: missing, never "no").
     */
    intervals: text('intervals').notNull(),
    /** How many different peers interacted with the student during the observation. */
    peersCount: integer('peers_count'),
    /** The class or activity, e.g. "Science 7, lab group". */
    setting: text('setting'),
    /** The staff member who observed. */
    observedBy: text('observed_by').references(() => staff.id, { onDelete: 'set null' }),
    note: text('note'),
    createdAt: text('created_at').notNull(),
  },
  (table) => [index('observations_student_date_idx').on(table.studentId, table.date)],
);

/** A dated measurement of a goal, in the goal's measurement (percent, count, rubric level …). */
export const progressPoints = sqliteTable(
  'progress_points',
  {
    id: text('id').primaryKey(),
    goalId: text('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    /** ISO date, inside the goal's plan and never in the future. */
    date: text('date').notNull(),
    /** Inside the goal's valueRange (plan-rules.ts). */
    value: real('value').notNull(),
    /** Where it was measured, e.g. "Math 7, independent work". */
    setting: text('setting'),
    /** The staff member who collected it. */
    collectedBy: text('collected_by').references(() => staff.id, { onDelete: 'set null' }),
    /** manual | session | observation: how it was entered. */
    source: text('source').notNull(),
    /** The session it was recorded with; kept as data (null) when the session is deleted. */
    sessionId: text('session_id').references(() => sessions.id, { onDelete: 'set null' }),
    /** The observation it was computed from. */
    observationId: text('observation_id').references(() => observations.id, { onDelete: 'set null' }),
    note: text('note'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [
    index('progress_points_goal_date_idx').on(table.goalId, table.date),
    index('progress_points_session_idx').on(table.sessionId),
    index('progress_points_observation_idx').on(table.observationId),
  ],
);

/** A teacher's structured check-in with the pair or group of an accommodation. */
export const checkIns = sqliteTable(
  'check_ins',
  {
    id: text('id').primaryKey(),
    accommodationId: text('accommodation_id')
      .notNull()
      .references(() => accommodations.id, { onDelete: 'cascade' }),
    /** ISO date, inside the plan and never in the future. */
    date: text('date').notNull(),
    whatsWorking: text('whats_working'),
    whatsNot: text('whats_not'),
    /** Ratings 1–5, null when not asked. Belonging and engagement are the supported student's. */
    belonging: integer('belonging'),
    engagement: integer('engagement'),
    /** The mentor's own ratings (1–5) of their workload and confidence; need `mentorId`. */
    mentorWorkload: integer('mentor_workload'),
    mentorConfidence: integer('mentor_confidence'),
    nextSteps: text('next_steps'),
    /** The mentor the check-in was with (one ever assigned to the accommodation). */
    mentorId: text('mentor_id').references(() => mentors.id, { onDelete: 'set null' }),
    /** The staff member who held the check-in. */
    conductedBy: text('conducted_by').references(() => staff.id, { onDelete: 'set null' }),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [
    index('check_ins_accommodation_date_idx').on(table.accommodationId, table.date),
    index('check_ins_mentor_idx').on(table.mentorId, table.date),
  ],
);

/**
 * A goal's progress mark for one reporting period: the code, sufficiency and narrative parents receive.
 * The code calls it a progress mark (services/progress/marks.ts, the `progressMarks.*` channels); the
 * table keeps its first name, progress_reports, and the export format its array `progressReports`.
 */
export const progressReports = sqliteTable(
  'progress_reports',
  {
    id: text('id').primaryKey(),
    goalId: text('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    /** The reporting period, e.g. "Quarter 1", and the ISO date it ends on (its identity with the goal). */
    periodLabel: text('period_label').notNull(),
    periodEndsOn: text('period_ends_on').notNull(),
    /** The progress-code set `code` belongs to (PROGRESS_CODE_SETS in the contract), kept so a later change of set leaves old reports readable. */
    codeSet: text('code_set').notNull(),
    /** A code id of `codeSet`; null until chosen. */
    code: text('code'),
    /** Sufficient to meet the goal by its end date? 1 yes, 0 no, null not said. */
    sufficient: integer('sufficient', { mode: 'boolean' }),
    /** When not sufficient: more_time | absences | goal_needs_revising | support_needs_changing | other. */
    insufficientReason: text('insufficient_reason'),
    narrative: text('narrative'),
    /** ISO instant the period was finalized for the plan; the row is then locked except through an amendment. */
    finalizedAt: text('finalized_at'),
    /** JSON array of {at, note}: each amendment made after finalizing, with the team's reason. */
    amendments: text('amendments').notNull().default('[]'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [uniqueIndex('progress_reports_goal_period_idx').on(table.goalId, table.periodEndsOn)],
);

// ── Matching mentors to open seats ──────────────────────────────────────────────────────────
// When a student is de-identified, migration 0004's trigger deletes their matching profile and
// avoid-list entries (both say something about the person); purging deletes them by cascade.

/** What matching knows of a supported student beyond the roster: interests and how they like to communicate. */
export const matchStudentProfiles = sqliteTable('match_student_profiles', {
  studentId: text('student_id')
    .primaryKey()
    .references(() => students.id, { onDelete: 'cascade' }),
  /** JSON array of interest words, compared with the mentors' interests (case-insensitive). */
  interests: text('interests').notNull().default('[]'),
  /** JSON array of COMMUNICATION_MODES the student prefers. */
  communication: text('communication').notNull().default('[]'),
  updatedAt: text('updated_at').notNull(),
});

/** How a mentor communicates (their interests stay on the mentor record). */
export const matchMentorProfiles = sqliteTable('match_mentor_profiles', {
  mentorId: text('mentor_id')
    .primaryKey()
    .references(() => mentors.id, { onDelete: 'cascade' }),
  /** JSON array of COMMUNICATION_MODES the mentor can use. */
  communication: text('communication').notNull().default('[]'),
  updatedAt: text('updated_at').notNull(),
});

/** A mentor and a student who must never be matched (a known conflict), entered by staff. */
export const matchAvoidPairs = sqliteTable(
  'match_avoid_pairs',
  {
    id: text('id').primaryKey(),
    mentorId: text('mentor_id')
      .notNull()
      .references(() => mentors.id, { onDelete: 'cascade' }),
    studentId: text('student_id')
      .notNull()
      .references(() => students.id, { onDelete: 'cascade' }),
    /** Private to staff: never in the audit trail, never in a suggestion's explanation. */
    reason: text('reason').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (table) => [
    uniqueIndex('match_avoid_pairs_pair_idx').on(table.mentorId, table.studentId),
    index('match_avoid_pairs_student_idx').on(table.studentId),
  ],
);

/** A suggestion the team rejected: matching does not propose this mentor for this accommodation again. */
export const matchRejections = sqliteTable(
  'match_rejections',
  {
    mentorId: text('mentor_id')
      .notNull()
      .references(() => mentors.id, { onDelete: 'cascade' }),
    accommodationId: text('accommodation_id')
      .notNull()
      .references(() => accommodations.id, { onDelete: 'cascade' }),
    /** ISO date of the (latest) rejection. */
    rejectedOn: text('rejected_on').notNull(),
  },
  (table) => [primaryKey({ columns: [table.mentorId, table.accommodationId] })],
);

/** A running pair the team marked as working: a rotation run keeps it instead of proposing someone new. */
export const matchKeptPairs = sqliteTable('match_kept_pairs', {
  assignmentId: text('assignment_id')
    .primaryKey()
    .references(() => assignments.id, { onDelete: 'cascade' }),
  /** ISO date the team marked it. */
  markedOn: text('marked_on').notNull(),
});

// ── IEP meetings ─────────────────────────────────────────────────────────────────────────────

/**
 * An IEP meeting held in meeting mode: Peerpath showed one student's plan to the people present.
 * Starting one is recorded in the audit trail as a disclosure to those attendees.
 */
export const meetings = sqliteTable(
  'meetings',
  {
    id: text('id').primaryKey(),
    studentId: text('student_id')
      .notNull()
      .references(() => students.id, { onDelete: 'cascade' }),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    /** ISO date the meeting was held; every proposal made in it carries this date. */
    meetingDate: text('meeting_date').notNull(),
    /** The date range the meeting reviewed (ISO dates). */
    rangeFrom: text('range_from').notNull(),
    rangeTo: text('range_to').notNull(),
    /** The language the shared screen opened in (en, es …). */
    language: text('language').notNull(),
    /** The key slot that started meeting mode (and whose passphrase ends it). */
    startedBySlot: text('started_by_slot'),
    /** ISO-8601 instants; `endedAt` is null while the meeting is on. */
    startedAt: text('started_at').notNull(),
    endedAt: text('ended_at'),
  },
  (table) => [index('meetings_student_idx').on(table.studentId)],
);

/** The people present at a meeting, as entered at its start (the disclosure's recipients). */
export const meetingAttendees = sqliteTable(
  'meeting_attendees',
  {
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    /** Order of entry, from 0. */
    position: integer('position').notNull(),
    name: text('name').notNull(),
    /** How they relate to the student, e.g. "mother", "case manager", "student". */
    relation: text('relation').notNull(),
  },
  (table) => [primaryKey({ columns: [table.meetingId, table.position] })],
);

/**
 * A decision taken at a meeting, kept as a proposal: nothing in the plan changes until the case
 * manager applies it after the meeting.
 */
export const meetingProposals = sqliteTable(
  'meeting_proposals',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    /**
     * accommodation_continue | accommodation_change | accommodation_end | accommodation_add |
     * goal_keep | goal_revise | goal_mastered | note
     */
    decision: text('decision').notNull(),
    /** The accommodation decided on (continue/change/end); null for the others or once it is deleted. */
    accommodationId: text('accommodation_id').references(() => accommodations.id, { onDelete: 'set null' }),
    /** The goal decided on (keep/revise/mastered; optional for add and note). */
    goalId: text('goal_id').references(() => goals.id, { onDelete: 'set null' }),
    /** What changes, what is added, or the note itself; null when the decision says it all. */
    text: text('text'),
    /** ISO-8601 instant it was recorded during the meeting. */
    createdAt: text('created_at').notNull(),
    /** ISO-8601 instant the case manager applied it; null while it is a proposal. */
    appliedAt: text('applied_at'),
    /** The staff member who applied it. */
    appliedBy: text('applied_by').references(() => staff.id, { onDelete: 'set null' }),
  },
  (table) => [index('meeting_proposals_meeting_idx').on(table.meetingId)],
);

// ── Removed from a draft, kept for Undo ─────────────────────────────────────────────────────

/**
 * A goal or accommodation removed from a draft plan, with every row that went with it (progress
 * points, marks, sessions, check-ins, links), so "Undo" puts them back exactly. Kept while the plan
 * is a draft: activating the plan empties its trash (an agreed plan changes only by amendment),
 * purging the student removes it by cascade, and de-identifying the student empties it (a trigger
 * in migration 0007), since the kept rows hold goal text and notes.
 */
export const removedRecords = sqliteTable(
  'removed_records',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    /** goal | accommodation */
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    /** JSON object: how many rows of each kind went with it ({"progressPoints": 13, …}). */
    counts: text('counts').notNull(),
    /** JSON object: the removed rows by table, as the services read them, and the links that were set to null. */
    content: text('content').notNull(),
    /** ISO-8601 instant, and the key slot of who removed it. */
    removedAt: text('removed_at').notNull(),
    removedBySlot: text('removed_by_slot'),
  },
  (table) => [index('removed_records_plan_idx').on(table.planId)],
);

/**
 * The team's translation of a passage a parent report prints (a narrative, a period name, a class
 * name), kept for next time. Keyed by a hash of the English text, not by the record: the same English
 * finds its translation again, and once the English changes the old translation no longer applies.
 */
export const translations = sqliteTable(
  'translations',
  {
    /** narrative | period_label | class_name */
    kind: text('kind').notNull(),
    /** SHA-256 (hex) of the English text. */
    sourceHash: text('source_hash').notNull(),
    /** The English text, so the list can show what was translated. */
    source: text('source').notNull(),
    language: text('language').notNull(),
    translated: text('translated').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.kind, table.sourceHash, table.language] })],
);
