import { join } from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, guardians, mentors, staff, students } from '../../db/schema';
import { createPeerpath } from '../../src-main/api/app';
import { AppError } from '../../src-main/contract';
import { MAX_CSV_CHARS, type RosterFile } from '../../src-main/contract/roster';
import { decodeCsvBytes } from '../../src-main/services/roster/csv';
import { commitRoster, previewRoster, RosterRejected } from '../../src-main/services/roster/import';
import type { VaultSession } from '../../src-main/services/vault-session';
import { csvFixture, csvFixtureBytes, freshVault, snapshot } from '../fixtures/csv/helpers';
import { PASSPHRASE, TEST_KDF, tempDir } from '../fixtures/vault';

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

/** Preview and commit both refuse; the vault's rows and audit chain are exactly as before. */
function expectRefusedUnchanged(session: VaultSession, input: RosterFile, code: string, message: RegExp | string): AppError {
  const before = snapshot(session);
  const ctx = session.context();
  const committed = refusal(() => commitRoster(ctx, input));
  expect(committed.code).toBe(code);
  expect(committed.message).toMatch(message);
  expect(snapshot(session)).toEqual(before);
  return committed;
}

describe('roster import: students', () => {
  it('imports a PowerSchool export with a BOM, CRLF, quoted commas, doubled quotes and accents', async () => {
    const session = await freshVault();
    const input: RosterFile = { kind: 'students', csvText: csvFixture('powerschool-students.csv') };
    const preview = previewRoster(session.context(), input);
    expect(preview).toMatchObject({
      headers: ['Student_Number', 'First_Name', 'Last_Name', 'Grade_Level', 'SchoolID', 'School_Name', 'DOB'],
      errors: [],
      errorCount: 0,
      duplicates: [],
      total: 4,
    });
    expect(preview.mapping).toEqual(preview.detectedMapping);
    expect(preview.rows.map((r) => [r.row, r.values.firstName, r.values.grade, r.values.school, r.values.dateOfBirth])).toEqual([
      [2, 'José', 8, 'Lincoln Middle School, East Campus', '2012-03-09'],
      [3, 'Zoë', 0, 'Maple Elementary', '2019-11-30'],
      [4, 'Amara "Mimi"', -1, 'Maple Elementary', null],
      [5, 'Thanh', 12, 'Riverside High', '2007-01-05'],
    ]);

    expect(commitRoster(session.context(), input)).toEqual({ imported: 4, skipped: 0 });
    const rows = session.db().select().from(students).orderBy(asc(students.localId)).all();
    expect(rows.map((r) => [r.localId, r.firstName, r.lastName, r.grade, r.school, r.dateOfBirth, r.status])).toEqual([
      ['100234', 'José', 'Núñez', 8, 'Lincoln Middle School, East Campus', '2012-03-09', 'active'],
      ['100235', 'Zoë', "O'Hare-Brandt", 0, 'Maple Elementary', '2019-11-30', 'active'],
      ['100236', 'Amara "Mimi"', 'Okonkwo', -1, 'Maple Elementary', null, 'active'],
      ['100237', 'Thanh', 'Nguyễn', 12, 'Riverside High', '2007-01-05', 'active'],
    ]);
  });

  it('records one audit event with counts and field names, never a name or a student number', async () => {
    const session = await freshVault();
    commitRoster(session.context(), { kind: 'students', csvText: csvFixture('powerschool-students.csv') });
    const events = session.db().select().from(auditEvents).where(eq(auditEvents.action, 'roster.imported')).all();
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(JSON.parse(event?.detail ?? '{}')).toEqual({ kind: 'students', imported: 4, skipped: 0, guardians: 0 });
    expect(JSON.parse(event?.fields ?? '[]')).toEqual(['localId', 'firstName', 'lastName', 'grade', 'school', 'dateOfBirth']);
    const everything = JSON.stringify(session.db().select().from(auditEvents).all());
    for (const secret of ['José', 'Núñez', '100234', 'Lincoln']) expect(everything).not.toContain(secret);
    expect(snapshot(session).audit.ok).toBe(true);
  });

  it('imports a generic export with M/D/YYYY dates, ordinal grades and a guardian with a home language', async () => {
    const session = await freshVault();
    expect(commitRoster(session.context(), { kind: 'students', csvText: csvFixture('generic-students.csv') })).toEqual({
      imported: 3,
      skipped: 0,
    });
    const db = session.db();
    const rows = db.select().from(students).orderBy(asc(students.localId)).all();
    expect(rows.map((r) => [r.localId, r.grade, r.dateOfBirth])).toEqual([
      ['S-2001', 3, '2016-04-22'],
      ['S-2002', 0, '2019-08-01'],
      ['S-2003', 7, '2013-02-14'],
    ]);
    const family = db.select().from(guardians).orderBy(asc(guardians.name)).all();
    expect(family.map((g) => [g.name, g.relationship, g.preferredLanguage, g.studentId])).toEqual([
      ['Lakshmi Raman', 'parent or guardian', 'ta', rows[0]?.id],
      ['Rosa Álvarez', 'parent or guardian', 'es', rows[1]?.id],
    ]);
  });

  it('reads tab-separated PowerSchool exports and Windows-1252 files from older Excel', async () => {
    const session = await freshVault();
    expect(commitRoster(session.context(), { kind: 'students', csvText: csvFixture('powerschool-tab.csv') }).imported).toBe(2);
    const text = decodeCsvBytes(csvFixtureBytes('students-1252.csv'));
    expect(commitRoster(session.context(), { kind: 'students', csvText: text }).imported).toBe(1);
    const names = session
      .db()
      .select({ first: students.firstName, last: students.lastName, grade: students.grade })
      .from(students)
      .orderBy(asc(students.localId))
      .all();
    expect(names).toEqual([
      { first: 'Aiyana', last: 'Redcloud', grade: 5 },
      { first: 'Leilani', last: 'Kahale', grade: -1 },
      { first: 'José', last: 'Peña', grade: 2 },
    ]);
  });

  it('lets the user override the mapping: a field left out is not imported', async () => {
    const session = await freshVault();
    const mapping = { localId: 'Student ID', firstName: 'First Name', lastName: 'Last Name', grade: 'Grade', school: 'School' };
    const input: RosterFile = { kind: 'students', csvText: csvFixture('generic-students.csv'), mapping };
    const preview = previewRoster(session.context(), input);
    expect(preview.mapping).toEqual(mapping);
    expect(preview.detectedMapping.dateOfBirth).toBe('Birth Date');
    commitRoster(session.context(), input);
    const db = session.db();
    expect(db.select({ dob: students.dateOfBirth }).from(students).all()).toEqual([{ dob: null }, { dob: null }, { dob: null }]);
    expect(db.select().from(guardians).all()).toEqual([]);

    const wrong = refusal(() => previewRoster(session.context(), { ...input, mapping: { ...mapping, school: 'Campus' } }));
    expect(wrong).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/column that is not in this file/) });
    const unknown = refusal(() => previewRoster(session.context(), { ...input, mapping: { ...mapping, favouriteColour: 'School' } }));
    expect(unknown).toMatchObject({ code: 'invalid_input', message: 'The mapping names a field that is not imported for students.' });
  });
});

describe('roster import: malformed files change nothing', () => {
  it('reports every bad row with the row number as in the file and a plain reason', async () => {
    const session = await freshVault();
    const input: RosterFile = { kind: 'students', csvText: csvFixture('students-bad.csv') };
    const preview = previewRoster(session.context(), input);
    expect(preview.errors).toEqual([
      { row: 2, field: 'dateOfBirth', column: 'Birth Date', message: 'That date does not exist.' },
      {
        row: 3,
        field: 'grade',
        column: 'Grade',
        message: 'Not a grade Peerpath knows: use PK, K, 1–12, or 13 for a transition program.',
      },
      { row: 4, field: 'firstName', column: 'First Name', message: 'First name is empty.' },
      {
        row: 5,
        field: 'dateOfBirth',
        column: 'Birth Date',
        message: 'Use a four-digit year. Use a date like 2012-03-09 or 3/9/2012.',
      },
      {
        row: 6,
        field: null,
        column: null,
        message: 'This row has 8 values but the header has 6 columns (a comma inside a value needs quotes around the value).',
      },
      { row: 7, field: null, column: null, message: 'This row has 4 values but the header has 6 columns.' },
      { row: 8, field: 'grade', column: 'Grade', message: 'Grade is pre-K (-1) to 13.' },
      { row: 9, field: 'dateOfBirth', column: 'Birth Date', message: 'That date does not exist.' },
    ]);
    expect(preview.errorCount).toBe(8);
    const error = expectRefusedUnchanged(
      session,
      input,
      'invalid_input',
      /^Nothing was imported: 8 row\(s\) have problems: row 2 \(Birth Date\): That date does not exist; row 3/,
    );
    expect(error).toBeInstanceOf(RosterRejected);
    expect((error as RosterRejected).errors).toHaveLength(8);
    // The reasons never quote the file's values.
    for (const value of ['fourth', '6/10/14', '2015-13-01', 'extra']) expect(error.message).not.toContain(value);
  });

  it('refuses a file whose columns are not a roster, naming each missing column on row 1', async () => {
    const session = await freshVault();
    const input: RosterFile = { kind: 'students', csvText: csvFixture('wrong-columns.csv') };
    expect(previewRoster(session.context(), input).errors).toEqual([
      { row: 1, field: 'localId', column: null, message: 'No column holds student number. Choose the column in the mapping.' },
      { row: 1, field: 'firstName', column: null, message: 'No column holds first name. Choose the column in the mapping.' },
      { row: 1, field: 'lastName', column: null, message: 'No column holds last name. Choose the column in the mapping.' },
      { row: 1, field: 'grade', column: null, message: 'No column holds grade. Choose the column in the mapping.' },
      { row: 1, field: 'school', column: null, message: 'No column holds school. Choose the column in the mapping.' },
    ]);
    expectRefusedUnchanged(session, input, 'invalid_input', /row 1 \(localId\): No column holds student number/);
  });

  it('refuses duplicates within the file and against the vault, or skips them when asked', async () => {
    const session = await freshVault();
    const input: RosterFile = { kind: 'students', csvText: csvFixture('students-duplicates.csv') };
    expect(previewRoster(session.context(), input).duplicates).toEqual([{ row: 4, localId: 'S-4001', reason: 'in_file', firstRow: 2 }]);
    expectRefusedUnchanged(session, input, 'conflict', /1 row\(s\) repeat a student number .*\(rows 4\)/);

    expect(commitRoster(session.context(), { ...input, skipDuplicates: true })).toEqual({ imported: 3, skipped: 1 });
    expect(session.db().select().from(students).all()).toHaveLength(3);

    // The same file again: every row is already in the vault; nothing is doubled.
    const again = previewRoster(session.context(), input);
    expect(again.duplicates.map((d) => [d.row, d.reason])).toEqual([
      [2, 'in_vault'],
      [3, 'in_vault'],
      [4, 'in_vault'],
      [5, 'in_vault'],
    ]);
    expectRefusedUnchanged(session, input, 'conflict', /4 row\(s\) repeat a student number already in Peerpath/);
    expect(commitRoster(session.context(), { ...input, skipDuplicates: true })).toEqual({ imported: 0, skipped: 4 });
    expect(session.db().select().from(students).all()).toHaveLength(3);
  });

  it('refuses a header without data rows, an empty file and a one-column file', async () => {
    const session = await freshVault();
    expectRefusedUnchanged(
      session,
      { kind: 'students', csvText: csvFixture('header-only.csv') },
      'invalid_input',
      'The file has a header row but no data rows.',
    );
    expectRefusedUnchanged(session, { kind: 'students', csvText: '' }, 'invalid_input', 'The file is empty.');
    expectRefusedUnchanged(session, { kind: 'students', csvText: '\uFEFF\r\n  \r\n' }, 'invalid_input', 'The file is empty.');
    expectRefusedUnchanged(
      session,
      { kind: 'students', csvText: 'Dear families\nthe field trip is on Friday.\n' },
      'invalid_input',
      /first row has only one column/,
    );
  });

  it('refuses binary garbage, workbooks, PDFs, JSON and broken quoting with a plain reason', async () => {
    const session = await freshVault();
    let seed = 7;
    const garbage = Uint8Array.from({ length: 4096 }, () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed >> 16;
    });
    const cases: [string, RegExp][] = [
      [decodeCsvBytes(garbage), /not CSV text \(it holds binary data\)/],
      [decodeCsvBytes(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00])), /Excel workbook or another zip file/],
      ['%PDF-1.7\n%âãÏÓ\n1 0 obj\n', /This is a PDF/],
      ['{"students": []}', /JSON file/],
      ['<html><body>Session expired</body></html>', /web page or XML/],
      ['Student ID,First Name\n"S-1,Ann\nS-2,Bo\n', /could not be read as CSV near line \d+: a quoted value is never closed/],
    ];
    for (const [csvText, message] of cases) expectRefusedUnchanged(session, { kind: 'students', csvText }, 'invalid_input', message);
  });
});

describe('roster import: mentors and staff', () => {
  it('imports mentors with consent dates, load cap and interests, linked to their student record', async () => {
    const session = await freshVault();
    commitRoster(session.context(), {
      kind: 'students',
      csvText: 'Student_Number,First_Name,Last_Name,Grade_Level,School_Name\n500102,Tobias,Lindqvist,7,Lincoln Middle School\n',
    });
    expect(commitRoster(session.context(), { kind: 'mentors', csvText: csvFixture('mentors.csv') })).toEqual({ imported: 2, skipped: 0 });
    const db = session.db();
    const tobias = db.select({ id: students.id }).from(students).get();
    const rows = db.select().from(mentors).orderBy(asc(mentors.localId)).all();
    expect(
      rows.map((m) => [m.firstName, m.consentGivenOn, m.guardianConsentGivenOn, m.loadCap, JSON.parse(m.interests), m.studentId]),
    ).toEqual([
      ['Marisol', '2025-09-02', '2025-09-03', 2, ['soccer', 'drawing'], null],
      ['Tobias', null, null, 1, [], tobias?.id],
    ]);
  });

  it('imports staff, reading titles as roles and joining first and last names', async () => {
    const session = await freshVault();
    expect(commitRoster(session.context(), { kind: 'staff', csvText: csvFixture('staff.csv') })).toEqual({ imported: 3, skipped: 0 });
    const rows = session.db().select().from(staff).orderBy(asc(staff.name)).all();
    expect(rows.map((s) => [s.name, s.role, s.email, s.localId])).toEqual([
      ['Avery Quill', 'case_manager', null, null],
      ['Renata Oyelowo', 'case_manager', 'r.oyelowo@example.org', 'T-01'],
      ['Samuel Achterberg', 'special_education_teacher', 's.achterberg@example.org', 'T-02'],
      ['Wen Li', 'paraprofessional', null, 'T-03'],
    ]);
    const bad = 'Staff ID,Name,Role,Email\nT-9,,Teacher,\nT-10,Pat Doe,Bus driver,not-an-email\n';
    expect(previewRoster(session.context(), { kind: 'staff', csvText: bad }).errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'name'],
      [3, 'role'],
      [3, 'email'],
    ]);
    expectRefusedUnchanged(
      session,
      { kind: 'staff', csvText: csvFixture('staff.csv') },
      'conflict',
      /repeat a staff id already in Peerpath/,
    );
  });
});

describe('roster import: a district-sized file', () => {
  it('imports 5,000 rows in one transaction', async () => {
    const session = await freshVault();
    const grades = ['PK', 'K', '1', '02', '3rd', '4', '5', '6th', '07', '8', '9', '10', '11', '12'];
    const lines = ['Student_Number,First_Name,Last_Name,Grade_Level,School_Name,DOB'];
    for (let i = 0; i < 5000; i += 1) {
      lines.push(
        `${700000 + i},Given${i},"Family, ${i}",${grades[i % grades.length]},School ${i % 7},${(i % 12) + 1}/${(i % 28) + 1}/2012`,
      );
    }
    const input: RosterFile = { kind: 'students', csvText: lines.join('\r\n') };
    expect(previewRoster(session.context(), input)).toMatchObject({ total: 5000, errorCount: 0, duplicates: [] });
    expect(commitRoster(session.context(), input)).toEqual({ imported: 5000, skipped: 0 });
    expect(snapshot(session).counts.students).toBe(5000);
    expect(snapshot(session).audit.ok).toBe(true);
  });
});

describe('roster import through the contract', () => {
  it('previews and commits over dispatch, with the one error envelope', async () => {
    const app = createPeerpath({ dir: join(tempDir(), 'vault'), kdfCost: TEST_KDF });
    await app.session.create({ memberName: 'Avery Quill', memberRole: 'case_manager', passphrase: PASSPHRASE });
    try {
      const csvText = csvFixture('generic-students.csv');
      const preview = await app.dispatch('roster.preview', { kind: 'students', csvText });
      expect(preview).toMatchObject({
        ok: true,
        value: { total: 3, errorCount: 0, fields: expect.arrayContaining([{ field: 'grade', required: true }]) },
      });
      expect(await app.dispatch('roster.commit', { kind: 'students', csvText })).toEqual({ ok: true, value: { imported: 3, skipped: 0 } });
      expect(await app.dispatch('roster.commit', { kind: 'students', csvText })).toEqual({
        ok: false,
        error: {
          code: 'conflict',
          message:
            'Nothing was imported: 3 row(s) repeat a student number already in Peerpath or earlier in the file (rows 2, 3, 4). Remove those rows, or choose to skip them.',
        },
      });
      const bad = await app.dispatch('roster.commit', { kind: 'students', csvText: csvFixture('students-bad.csv') });
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('row 3 (Grade)') } });
      expect(await app.dispatch('roster.preview', { kind: 'teachers', csvText })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
      expect(await app.dispatch('roster.preview', { kind: 'students', csvText: 'x'.repeat(MAX_CSV_CHARS + 1) })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: expect.stringContaining('larger than 10 MB') },
      });
    } finally {
      app.session.lock('user');
    }
  });
});
