import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEncryptedDatabase, type SqliteDatabase } from '../../src-main/vault/database';
import { MIGRATIONS, migrate, SCHEMA_VERSION, schemaVersionOf } from '../../src-main/vault/migrations';
import { copyBeforeMigrating } from '../../src-main/vault/pre-migration-copy';
import { createEmptyPrivateFile } from '../../src-main/vault/secure-file';
import { tempDir } from '../fixtures/vault';

function emptyEncryptedDatabase(): SqliteDatabase {
  const file = join(tempDir(), 'fixture.db');
  createEmptyPrivateFile(file);
  return openEncryptedDatabase(file, randomBytes(32));
}

function tables(db: SqliteDatabase): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]
  ).map((row) => row.name);
}

/**
 * One check per migration: migrate a vault to the version before it, write rows the way that
 * schema did, apply the migration, and compare. A new migration without an entry here fails.
 */
const CHECKS: Record<string, (db: SqliteDatabase) => void> = {
  '0000_foundation': (db) => {
    expect(tables(db)).toEqual([]);
    migrate(db, 1);
    expect(tables(db)).toEqual(['audit_events', 'settings', 'vault_members']);
    db.prepare(
      "INSERT INTO vault_members (slot_id, name, role, added_at) VALUES ('slot-0001', 'Avery Quill', 'case_manager', '2026-09-01T12:00:00.000Z')",
    ).run();
    expect(db.prepare('SELECT name, removed_at FROM vault_members').all()).toEqual([{ name: 'Avery Quill', removed_at: null }]);
  },
  '0001_program': (db) => {
    const insertMember = db.prepare('INSERT INTO vault_members (slot_id, name, role, added_at, removed_at) VALUES (?, ?, ?, ?, ?)');
    insertMember.run('slot-0001', 'Avery Quill', 'case_manager', '2026-09-01T12:00:00.000Z', null);
    insertMember.run('slot-0002', 'Former Member', 'counselor', '2026-09-02T12:00:00.000Z', '2026-10-01T12:00:00.000Z');
    db.prepare(
      "INSERT INTO audit_events (at, actor_slot_id, action) VALUES ('2026-09-01T12:00:00.000Z', 'slot-0001', 'vault.created')",
    ).run();
    migrate(db, 2);
    // Members who hold a slot become staff who author changes; removed members do not.
    expect(db.prepare('SELECT name, role, slot_id FROM staff').all()).toEqual([
      { name: 'Avery Quill', role: 'case_manager', slot_id: 'slot-0001' },
    ]);
    expect(db.prepare('SELECT action, hash, entity FROM audit_events').all()).toEqual([
      { action: 'vault.created', hash: null, entity: null },
    ]);
    expect(tables(db)).toEqual(
      expect.arrayContaining([
        'students',
        'guardians',
        'plans',
        'plan_team',
        'goals',
        'accommodations',
        'accommodation_goals',
        'mentors',
        'assignments',
      ]),
    );
  },
  '0002_progress': (db) => {
    // A school program as schema 2 wrote it: a student with a plan, a goal, an accommodation serving it, a mentor on it.
    const T = '2026-09-01T12:00:00.000Z';
    db.prepare(
      "INSERT INTO staff (id, name, role, slot_id, created_at) VALUES ('staff-000001', 'Avery Quill', 'case_manager', 'slot-0001', ?)",
    ).run(T);
    db.prepare(
      "INSERT INTO students (id, local_id, first_name, last_name, grade, school, case_manager_id, created_at, updated_at) VALUES ('student-0001', 'S-1', 'Zebulon', 'Quixote', 7, 'Riverside', 'staff-000001', ?, ?)",
    ).run(T, T);
    db.prepare(
      "INSERT INTO plans (id, student_id, type, start_date, end_date, annual_review_due, status, created_at, updated_at) VALUES ('plan-000001', 'student-0001', 'iep', '2026-09-01', '2027-06-15', '2027-06-01', 'active', ?, ?)",
    ).run(T, T);
    db.prepare(
      "INSERT INTO goals (id, plan_id, area, statement, measurement, baseline, target, criterion, measured_every, reporting_periods, end_date, created_at, updated_at) VALUES ('goal-000001', 'plan-000001', 'math', 'Solves two-step problems with 80% accuracy.', 'percent', 40, 80, '80% in 4 of 5', 'weekly', ?, '2027-06-01', ?, ?)",
    ).run(JSON.stringify([{ label: 'Q1', endsOn: '2026-11-06' }]), T, T);
    db.prepare(
      "INSERT INTO accommodations (id, plan_id, role, setting_class, slots, sessions_per_week, minutes_per_session, start_date, end_date, created_at, updated_at) VALUES ('accom-000001', 'plan-000001', 'peer_tutor', 'Math 7', ?, 2, 20, '2026-09-08', '2027-06-01', ?, ?)",
    ).run(JSON.stringify([{ day: 'mon', period: 3 }]), T, T);
    db.prepare("INSERT INTO accommodation_goals (accommodation_id, goal_id) VALUES ('accom-000001', 'goal-000001')").run();
    db.prepare(
      "INSERT INTO mentors (id, local_id, first_name, last_name, grade, school, created_at, updated_at) VALUES ('mentor-00001', 'M-1', 'Sam', 'Rivera', 8, 'Riverside', ?, ?)",
    ).run(T, T);
    db.prepare(
      "INSERT INTO assignments (id, mentor_id, accommodation_id, start_date, created_at) VALUES ('assign-00001', 'mentor-00001', 'accom-000001', '2026-09-08', ?)",
    ).run(T);
    db.prepare("INSERT INTO settings (key, value) VALUES ('autoLockMinutes', '15')").run();
    const before = [
      'staff',
      'students',
      'plans',
      'goals',
      'accommodations',
      'accommodation_goals',
      'mentors',
      'assignments',
      'settings',
    ].map((table) => db.prepare(`SELECT * FROM ${table}`).all());

    migrate(db, 3);

    // What schema 2 held is untouched; the new tables start empty.
    expect(
      ['staff', 'students', 'plans', 'goals', 'accommodations', 'accommodation_goals', 'mentors', 'assignments', 'settings'].map((table) =>
        db.prepare(`SELECT * FROM ${table}`).all(),
      ),
    ).toEqual(before);
    const added = ['check_ins', 'observations', 'progress_points', 'progress_reports', 'session_goals', 'session_mentors', 'sessions'];
    expect(tables(db)).toEqual(expect.arrayContaining(added));
    for (const table of added) expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });

    // The new tables hang on the old rows: defaults, cascades and "set null" as documented in db/schema.ts.
    db.prepare(
      "INSERT INTO sessions (id, accommodation_id, date, status, miss_reason, created_at, updated_at) VALUES ('session-0001', 'accom-000001', '2026-09-14', 'missed', 'student_absent', ?, ?)",
    ).run(T, T);
    db.prepare("INSERT INTO session_mentors (session_id, mentor_id) VALUES ('session-0001', 'mentor-00001')").run();
    db.prepare("INSERT INTO session_goals (session_id, goal_id) VALUES ('session-0001', 'goal-000001')").run();
    db.prepare(
      "INSERT INTO progress_points (id, goal_id, date, value, source, session_id, collected_by, created_at, updated_at) VALUES ('point-000001', 'goal-000001', '2026-09-14', 55, 'session', 'session-0001', 'staff-000001', ?, ?)",
    ).run(T, T);
    db.prepare(
      "INSERT INTO progress_reports (id, goal_id, period_label, period_ends_on, code_set, created_at, updated_at) VALUES ('report-00001', 'goal-000001', 'Q1', '2026-11-06', 'federal_default', ?, ?)",
    ).run(T, T);
    expect(db.prepare('SELECT minutes FROM sessions').get()).toEqual({ minutes: 0 });
    expect(db.prepare('SELECT amendments, finalized_at, sufficient FROM progress_reports').get()).toEqual({
      amendments: '[]',
      finalized_at: null,
      sufficient: null,
    });
    expect(() =>
      db
        .prepare(
          "INSERT INTO sessions (id, accommodation_id, date, status, created_at, updated_at) VALUES ('session-0002', 'accom-gone', '2026-09-15', 'held', ?, ?)",
        )
        .run(T, T),
    ).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM sessions WHERE id = 'session-0001'").run();
    expect(db.prepare('SELECT id, session_id FROM progress_points').all()).toEqual([{ id: 'point-000001', session_id: null }]);
    expect(db.prepare('SELECT count(*) AS n FROM session_mentors').get()).toEqual({ n: 0 });
    db.prepare("DELETE FROM goals WHERE id = 'goal-000001'").run();
    expect(db.prepare('SELECT count(*) AS n FROM progress_points').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM progress_reports').get()).toEqual({ n: 0 });
  },
  '0003_versions': (db) => {
    // A plan with a goal and an accommodation as schema 3 wrote them.
    const T = '2026-09-01T12:00:00.000Z';
    db.prepare(
      "INSERT INTO students (id, local_id, first_name, last_name, grade, school, created_at, updated_at) VALUES ('student-0001', 'S-1', 'Zebulon', 'Quixote', 7, 'Riverside', ?, ?)",
    ).run(T, T);
    db.prepare(
      "INSERT INTO plans (id, student_id, type, start_date, end_date, annual_review_due, status, created_at, updated_at) VALUES ('plan-000001', 'student-0001', 'iep', '2026-09-01', '2027-06-15', '2027-06-01', 'active', ?, ?)",
    ).run(T, T);
    db.prepare(
      "INSERT INTO goals (id, plan_id, area, statement, measurement, baseline, target, criterion, measured_every, end_date, created_at, updated_at) VALUES ('goal-000001', 'plan-000001', 'math', 'Solves two-step problems.', 'percent', 40, 80, '80%', 'weekly', '2027-06-01', ?, ?)",
    ).run(T, T);
    db.prepare(
      "INSERT INTO accommodations (id, plan_id, role, setting_class, slots, sessions_per_week, minutes_per_session, start_date, end_date, created_at, updated_at) VALUES ('accom-000001', 'plan-000001', 'peer_tutor', 'Math 7', '[]', 2, 20, '2026-09-08', '2027-06-01', ?, ?)",
    ).run(T, T);
    const before = ['goals', 'accommodations'].map((table) => db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[]);

    migrate(db, 4);

    // Rows written before versions were linked keep their values and amend nothing.
    expect(['goals', 'accommodations'].map((table) => db.prepare(`SELECT * FROM ${table}`).all())).toEqual(
      before.map((rows) => rows.map((row) => ({ ...row, amends_id: null }))),
    );
    db.prepare(
      "INSERT INTO goals (id, plan_id, area, statement, measurement, baseline, target, criterion, measured_every, end_date, created_at, updated_at, amends_id) VALUES ('goal-000002', 'plan-000001', 'math', 'Solves two-step problems.', 'percent', 40, 80, '80%', 'weekly', '2027-06-01', ?, ?, 'goal-000001')",
    ).run(T, T);
    expect(db.prepare("SELECT amends_id FROM goals WHERE id = 'goal-000002'").get()).toEqual({ amends_id: 'goal-000001' });
  },
  '0004_matching': (db) => {
    // A program as schema 4 wrote it: a student with a plan and an accommodation, a mentor assigned to it.
    const T = '2026-09-01T12:00:00.000Z';
    db.prepare(
      "INSERT INTO students (id, local_id, first_name, last_name, grade, school, created_at, updated_at) VALUES ('student-0001', 'S-1', 'Zebulon', 'Quixote', 7, 'Riverside', ?, ?)",
    ).run(T, T);
    db.prepare(
      "INSERT INTO plans (id, student_id, type, start_date, end_date, annual_review_due, status, created_at, updated_at) VALUES ('plan-000001', 'student-0001', 'iep', '2026-09-01', '2027-06-15', '2027-06-01', 'active', ?, ?)",
    ).run(T, T);
    db.prepare(
      "INSERT INTO accommodations (id, plan_id, role, setting_class, slots, sessions_per_week, minutes_per_session, start_date, end_date, created_at, updated_at) VALUES ('accom-000001', 'plan-000001', 'peer_tutor', 'Math 7', '[]', 2, 20, '2026-09-08', '2027-06-01', ?, ?)",
    ).run(T, T);
    db.prepare(
      "INSERT INTO mentors (id, local_id, first_name, last_name, grade, school, created_at, updated_at) VALUES ('mentor-00001', 'M-1', 'Sam', 'Rivera', 8, 'Riverside', ?, ?)",
    ).run(T, T);
    db.prepare(
      "INSERT INTO assignments (id, mentor_id, accommodation_id, start_date, created_at) VALUES ('assign-00001', 'mentor-00001', 'accom-000001', '2026-09-08', ?)",
    ).run(T);
    const old = ['students', 'plans', 'accommodations', 'mentors', 'assignments'];
    const before = old.map((table) => db.prepare(`SELECT * FROM ${table}`).all());

    migrate(db, 5);

    expect(old.map((table) => db.prepare(`SELECT * FROM ${table}`).all())).toEqual(before);
    const added = ['match_avoid_pairs', 'match_kept_pairs', 'match_mentor_profiles', 'match_rejections', 'match_student_profiles'];
    expect(tables(db)).toEqual(expect.arrayContaining(added));
    for (const table of added) expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });

    db.prepare("INSERT INTO match_student_profiles (student_id, updated_at) VALUES ('student-0001', ?)").run(T);
    db.prepare("INSERT INTO match_mentor_profiles (mentor_id, updated_at) VALUES ('mentor-00001', ?)").run(T);
    db.prepare(
      "INSERT INTO match_avoid_pairs (id, mentor_id, student_id, reason, created_at) VALUES ('avoid-000001', 'mentor-00001', 'student-0001', 'A known conflict.', ?)",
    ).run(T);
    db.prepare(
      "INSERT INTO match_rejections (mentor_id, accommodation_id, rejected_on) VALUES ('mentor-00001', 'accom-000001', '2026-10-01')",
    ).run();
    db.prepare("INSERT INTO match_kept_pairs (assignment_id, marked_on) VALUES ('assign-00001', '2026-10-01')").run();
    expect(db.prepare('SELECT interests, communication FROM match_student_profiles').get()).toEqual({
      interests: '[]',
      communication: '[]',
    });
    expect(() =>
      db
        .prepare(
          "INSERT INTO match_avoid_pairs (id, mentor_id, student_id, reason, created_at) VALUES ('avoid-000002', 'mentor-00001', 'student-0001', 'Again.', ?)",
        )
        .run(T),
    ).toThrow(/UNIQUE/);

    // De-identifying keeps program data but not what matching knew about the person.
    db.prepare("UPDATE students SET status = 'deidentified' WHERE id = 'student-0001'").run();
    expect(db.prepare('SELECT count(*) AS n FROM match_student_profiles').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM match_avoid_pairs').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM match_rejections').get()).toEqual({ n: 1 });
    // The rest goes with the rows it hangs on.
    db.prepare("DELETE FROM assignments WHERE id = 'assign-00001'").run();
    expect(db.prepare('SELECT count(*) AS n FROM match_kept_pairs').get()).toEqual({ n: 0 });
    db.prepare("DELETE FROM mentors WHERE id = 'mentor-00001'").run();
    expect(db.prepare('SELECT count(*) AS n FROM match_rejections').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM match_mentor_profiles').get()).toEqual({ n: 0 });
  },
  '0005_meetings': (db) => {
    // A student with a plan, a goal and an accommodation as schema 5 wrote them.
    const T = '2026-09-01T12:00:00.000Z';
    db.prepare(
      "INSERT INTO students (id, local_id, first_name, last_name, grade, school, created_at, updated_at) VALUES ('student-0001', 'S-1', 'Zebulon', 'Quixote', 7, 'Riverside', ?, ?)",
    ).run(T, T);
    db.prepare(
      "INSERT INTO plans (id, student_id, type, start_date, end_date, annual_review_due, status, created_at, updated_at) VALUES ('plan-000001', 'student-0001', 'iep', '2026-09-01', '2027-06-15', '2027-06-01', 'active', ?, ?)",
    ).run(T, T);
    db.prepare(
      "INSERT INTO goals (id, plan_id, area, statement, measurement, baseline, target, criterion, measured_every, end_date, created_at, updated_at) VALUES ('goal-0000001', 'plan-000001', 'math', 'Solve two-step problems.', 'percent', 40, 80, '80% in 4 of 5', 'weekly', '2027-06-01', ?, ?)",
    ).run(T, T);
    db.prepare(
      "INSERT INTO accommodations (id, plan_id, role, setting_class, slots, sessions_per_week, minutes_per_session, start_date, end_date, created_at, updated_at) VALUES ('accom-000001', 'plan-000001', 'peer_tutor', 'Math 7', '[]', 2, 20, '2026-09-08', '2027-06-01', ?, ?)",
    ).run(T, T);
    const old = ['students', 'plans', 'goals', 'accommodations'];
    const before = old.map((table) => db.prepare(`SELECT * FROM ${table}`).all());

    migrate(db, 6);

    expect(old.map((table) => db.prepare(`SELECT * FROM ${table}`).all())).toEqual(before);
    expect(tables(db)).toEqual(expect.arrayContaining(['meetings', 'meeting_attendees', 'meeting_proposals']));
    db.prepare(
      "INSERT INTO meetings (id, student_id, plan_id, meeting_date, range_from, range_to, language, started_at) VALUES ('meeting-0001', 'student-0001', 'plan-000001', '2026-10-15', '2026-09-01', '2026-10-15', 'es', ?)",
    ).run(T);
    db.prepare(
      "INSERT INTO meeting_attendees (meeting_id, position, name, relation) VALUES ('meeting-0001', 0, 'Marisol Quixote', 'mother')",
    ).run();
    db.prepare(
      "INSERT INTO meeting_proposals (id, meeting_id, decision, accommodation_id, created_at) VALUES ('proposal-001', 'meeting-0001', 'accommodation_end', 'accom-000001', ?)",
    ).run(T);
    db.prepare(
      "INSERT INTO meeting_proposals (id, meeting_id, decision, goal_id, created_at) VALUES ('proposal-002', 'meeting-0001', 'goal_mastered', 'goal-0000001', ?)",
    ).run(T);
    expect(
      db.prepare('SELECT ended_at, applied FROM meetings, (SELECT count(applied_at) AS applied FROM meeting_proposals)').get(),
    ).toEqual({
      ended_at: null,
      applied: 0,
    });
    // A deleted accommodation leaves the decision about it, without the link.
    db.prepare("DELETE FROM accommodations WHERE id = 'accom-000001'").run();
    expect(db.prepare("SELECT accommodation_id FROM meeting_proposals WHERE id = 'proposal-001'").get()).toEqual({
      accommodation_id: null,
    });
    // A purged student takes their meetings, attendees and proposals along.
    db.prepare("DELETE FROM students WHERE id = 'student-0001'").run();
    for (const table of ['meetings', 'meeting_attendees', 'meeting_proposals']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
  },
  '0006_goal_translations': (db) => {
    // A goal as schema 6 wrote it, before the team could enter a translated statement.
    const T = '2026-09-01T12:00:00.000Z';
    db.prepare(
      "INSERT INTO students (id, local_id, first_name, last_name, grade, school, created_at, updated_at) VALUES ('student-0001', 'S-1', 'Zebulon', 'Quixote', 7, 'Riverside', ?, ?)",
    ).run(T, T);
    db.prepare(
      "INSERT INTO plans (id, student_id, type, start_date, end_date, annual_review_due, status, created_at, updated_at) VALUES ('plan-000001', 'student-0001', 'iep', '2026-09-01', '2027-06-15', '2027-06-01', 'active', ?, ?)",
    ).run(T, T);
    db.prepare(
      "INSERT INTO goals (id, plan_id, area, statement, measurement, baseline, target, criterion, measured_every, end_date, created_at, updated_at) VALUES ('goal-0000001', 'plan-000001', 'math', 'Solve two-step problems.', 'percent', 40, 80, '80% in 4 of 5', 'weekly', '2027-06-01', ?, ?)",
    ).run(T, T);
    const before = db.prepare('SELECT * FROM goals').all() as Record<string, unknown>[];

    migrate(db, 7);

    // Goals written before keep their values and have no translation.
    expect(db.prepare('SELECT * FROM goals').all()).toEqual(before.map((row) => ({ ...row, statement_translations: null })));
    db.prepare("UPDATE goals SET statement_translations = ? WHERE id = 'goal-0000001'").run(
      JSON.stringify({ es: 'Resolver problemas de dos pasos.' }),
    );
    expect(db.prepare('SELECT statement_translations FROM goals').get()).toEqual({
      statement_translations: '{"es":"Resolver problemas de dos pasos."}',
    });
  },
  '0007_removed_records': (db) => {
    // Two students' draft plans as schema 7 wrote them; the trash is new and starts empty.
    const T = '2026-09-01T12:00:00.000Z';
    for (const n of [1, 2]) {
      db.prepare(
        `INSERT INTO students (id, local_id, first_name, last_name, grade, school, created_at, updated_at) VALUES ('student-000${n}', 'S-${n}', 'Zebulon', 'Quixote', 7, 'Riverside', ?, ?)`,
      ).run(T, T);
      db.prepare(
        `INSERT INTO plans (id, student_id, type, start_date, end_date, annual_review_due, status, created_at, updated_at) VALUES ('plan-00000${n}', 'student-000${n}', 'iep', '2026-09-01', '2027-06-15', '2027-06-01', 'draft', ?, ?)`,
      ).run(T, T);
    }
    const before = ['students', 'plans'].map((table) => db.prepare(`SELECT * FROM ${table}`).all());

    migrate(db, 8);

    expect(['students', 'plans'].map((table) => db.prepare(`SELECT * FROM ${table}`).all())).toEqual(before);
    expect(db.prepare('SELECT count(*) AS n FROM removed_records').get()).toEqual({ n: 0 });
    const keep = db.prepare(
      "INSERT INTO removed_records (id, plan_id, entity, entity_id, counts, content, removed_at) VALUES (?, ?, 'goal', 'goal-0000001', '{}', '{}', ?)",
    );
    keep.run('removed-0001', 'plan-000001', T);
    keep.run('removed-0002', 'plan-000002', T);
    // De-identifying a student empties the trash of their plans (it holds goal text), and only theirs.
    db.prepare("UPDATE students SET status = 'deidentified' WHERE id = 'student-0001'").run();
    expect(db.prepare('SELECT id FROM removed_records').all()).toEqual([{ id: 'removed-0002' }]);
    // Purging a student takes their plans' trash along.
    db.prepare("DELETE FROM students WHERE id = 'student-0002'").run();
    expect(db.prepare('SELECT count(*) AS n FROM removed_records').get()).toEqual({ n: 0 });
  },
  '0008_audit_signatures': (db) => {
    // An event and a member as schema 8 wrote them: unsigned, hash-chained the old way.
    db.prepare(
      "INSERT INTO vault_members (slot_id, name, role, added_at) VALUES ('slot-0001', 'Avery Quill', 'case_manager', '2026-09-01T12:00:00.000Z')",
    ).run();
    db.prepare(
      "INSERT INTO audit_events (at, actor_slot_id, action, hash) VALUES ('2026-09-01T12:00:00.000Z', 'slot-0001', 'vault.created', 'abc')",
    ).run();
    const before = db.prepare('SELECT * FROM audit_events').get() as Record<string, unknown>;

    migrate(db, 9);

    // Kept as they were, with nothing signed: verify tells them apart by their empty prev_hash.
    expect(db.prepare('SELECT * FROM audit_events').get()).toEqual({
      ...before,
      signer: null,
      signer_seq: null,
      prev_hash: null,
      signature: null,
    });
    expect(db.prepare('SELECT signing_key FROM vault_members').get()).toEqual({ signing_key: null });
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT signer_seq FROM audit_events WHERE signer = 'slot-0001' ORDER BY signer_seq DESC LIMIT 1")
      .all();
    expect(JSON.stringify(plan)).toContain('audit_events_signer_idx');
  },
  '0009_backups': (db) => {
    // An audit event as schema 9 wrote it (a backup before backups were recorded); the record starts empty.
    db.prepare("INSERT INTO audit_events (at, action) VALUES ('2026-09-01T12:00:00.000Z', 'vault.backup_written')").run();
    const before = db.prepare('SELECT * FROM audit_events').all();

    migrate(db, 10);

    expect(db.prepare('SELECT * FROM audit_events').all()).toEqual(before);
    expect(db.prepare('SELECT count(*) AS n FROM backups').get()).toEqual({ n: 0 });
    db.prepare(
      "INSERT INTO backups (id, path, made_at, bytes, made_by_slot) VALUES ('backup-1', '/tmp/a.ppbak', '2026-09-02T12:00:00.000Z', 4096, NULL)",
    ).run();
    expect(db.prepare('SELECT path, bytes FROM backups').all()).toEqual([{ path: '/tmp/a.ppbak', bytes: 4096 }]);
  },
  '0010_school_calendars': (db) => {
    // A student as schema 10 wrote it; calendars are new, start empty, and one school has one per year.
    const T = '2026-09-01T12:00:00.000Z';
    db.prepare(
      `INSERT INTO students (id, local_id, first_name, last_name, grade, school, created_at, updated_at) VALUES ('student-0001', 'S-1', 'Zebulon', 'Quixote', 7, 'Riverside', ?, ?)`,
    ).run(T, T);
    const before = db.prepare('SELECT * FROM students').all();

    migrate(db, 11);

    expect(db.prepare('SELECT * FROM students').all()).toEqual(before);
    expect(db.prepare('SELECT count(*) AS n FROM school_calendars').get()).toEqual({ n: 0 });
    const add = db.prepare(
      "INSERT INTO school_calendars (id, school, year, first_day, last_day, created_at, updated_at) VALUES (?, 'Riverside', ?, '2026-08-26', '2027-06-11', ?, ?)",
    );
    add.run('calendar-1', '2026-2027', T, T);
    expect(db.prepare('SELECT breaks, reporting_periods FROM school_calendars').get()).toEqual({ breaks: '[]', reporting_periods: '[]' });
    expect(() => add.run('calendar-2', '2026-2027', T, T)).toThrow(/UNIQUE/);
  },
  '0011_goal_mastery': (db) => {
    // A goal as schema 11 wrote it: its mastery criterion only in the team's words.
    const T = '2026-09-01T12:00:00.000Z';
    db.prepare(
      "INSERT INTO students (id, local_id, first_name, last_name, grade, school, created_at, updated_at) VALUES ('student-0001', 'S-1', 'Zebulon', 'Quixote', 7, 'Riverside', ?, ?)",
    ).run(T, T);
    db.prepare(
      "INSERT INTO plans (id, student_id, type, start_date, end_date, annual_review_due, status, created_at, updated_at) VALUES ('plan-000001', 'student-0001', 'iep', '2026-09-01', '2027-06-15', '2027-06-01', 'active', ?, ?)",
    ).run(T, T);
    db.prepare(
      "INSERT INTO goals (id, plan_id, area, statement, measurement, baseline, target, criterion, measured_every, end_date, created_at, updated_at) VALUES ('goal-000001', 'plan-000001', 'math', 'Solves two-step problems.', 'percent', 40, 80, '80% in 4 of 5 consecutive probes', 'weekly', '2027-06-01', ?, ?)",
    ).run(T, T);
    const before = db.prepare('SELECT * FROM goals').get() as Record<string, unknown>;

    migrate(db, 12);

    // Null: the judgement keeps reading "4 of 5" from the words until the team sets the criterion.
    expect(db.prepare('SELECT * FROM goals').get()).toEqual({ ...before, mastery: null });
  },
  '0012_translations': (db) => {
    // New and empty; one translation per kind, English text and language.
    migrate(db, 13);
    expect(db.prepare('SELECT count(*) AS n FROM translations').get()).toEqual({ n: 0 });
    const add = db.prepare(
      "INSERT INTO translations (kind, source_hash, source, language, translated, updated_at) VALUES ('narrative', 'h1', 'Reads well.', ?, ?, '2026-09-01T12:00:00.000Z')",
    );
    add.run('es', 'Lee bien.');
    add.run('vi', 'Đọc tốt.');
    expect(() => add.run('es', 'Lee muy bien.')).toThrow(/UNIQUE|PRIMARY/);
  },
};

describe('migrations', () => {
  it('every migration has its own test', () => {
    expect(Object.keys(CHECKS).sort()).toEqual(MIGRATIONS.map((migration) => migration.tag).sort());
    expect(readdirSync(join(import.meta.dirname, '../../db/migrations')).filter((name) => name.endsWith('.sql')).length).toBe(
      SCHEMA_VERSION,
    );
  });

  for (const migration of MIGRATIONS) {
    it(`${migration.tag} applies on data written by the schema before it`, () => {
      const db = emptyEncryptedDatabase();
      migrate(db, migration.version - 1);
      CHECKS[migration.tag]?.(db);
      expect(schemaVersionOf(db)).toBe(migration.version);
      db.close();
    });
  }

  it('applies all pending migrations in one transaction: a failing one leaves the vault as it was', () => {
    const db = emptyEncryptedDatabase();
    const broken = [
      ...MIGRATIONS,
      { version: SCHEMA_VERSION + 1, tag: '9999_broken', statements: ['CREATE TABLE later (x)', 'THIS IS NOT SQL'] },
    ];
    expect(() => migrate(db, SCHEMA_VERSION + 1, broken)).toThrow();
    expect(schemaVersionOf(db)).toBe(0);
    expect(tables(db)).toEqual([]);
    db.close();
  });

  it('refuses a vault from a newer schema', () => {
    const db = emptyEncryptedDatabase();
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(expect.objectContaining({ code: 'vault_too_new' }));
    db.close();
  });

  it('keeps an encrypted copy of a vault before migrating it', () => {
    const key = randomBytes(32);
    const dir = tempDir();
    const file = join(dir, 'live.db');
    createEmptyPrivateFile(file);
    const live = openEncryptedDatabase(file, key);
    migrate(live);
    live.prepare("INSERT INTO settings (key, value) VALUES ('autoLockMinutes', '15')").run();
    const copy = copyBeforeMigrating(live, dir, SCHEMA_VERSION);
    live.close();
    expect(statSync(copy).mode & 0o777).toBe(0o600);
    expect(readFileSync(copy).includes(Buffer.from('SQLite format 3'))).toBe(false);
    const reopened = openEncryptedDatabase(copy, key, { verify: true });
    expect(reopened.prepare('SELECT value FROM settings').all()).toEqual([{ value: '15' }]);
    expect(schemaVersionOf(reopened)).toBe(SCHEMA_VERSION);
    reopened.close();
  });
});
