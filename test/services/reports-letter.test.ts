/**
 * A mentor's letter of recognition: service hours, roles, training and dates for their portfolio,
 * and none of the students they supported — not even when the team's recognition note names one.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src-main/services/reports/export';
import { PREPARED_ON, pdfInfo, pdfPngs, pdfStrings, pdfText, reportStudent } from './reports-fixture';

describe('mentor recognition letter', () => {
  it('gives hours, roles, training and dates, and names no supported student', { timeout: 120_000 }, async () => {
    const app = await reportStudent();
    await app.call('mentors.addRecognition', {
      id: app.mentor.id,
      recognition: {
        kind: 'award',
        date: '2026-10-02',
        description: 'Peer of the month for patient work with Zebulon Quixote-Marchetti (S-100234)',
      },
    });
    const letter = await buildReport(app.ctx, { kind: 'recognition_letter', mentorId: app.mentor.id, preparedOn: PREPARED_ON });
    pdfPngs(letter.bytes, 'recognition-letter');
    const text = pdfText(letter.bytes);
    expect(text).toContain('Letter of recognition');
    expect(text).toContain('It is a pleasure to recognize Sam Rivera, a student in Grade 8 at Lakeside Middle School, for their service');
    // Nine held 20-minute sessions from the fixture: 180 minutes.
    expect(text).toContain('From September 9, 2026 to October 14, 2026, Sam Rivera gave 3 hours of service in 9 peer-support sessions.');
    expect(text).toContain('Peer tutor: 3 hours in 9 sessions');
    expect(text).toContain('Confidentiality and privacy — completed September 5, 2026');
    expect(text).toContain('When to get an adult — completed September 5, 2026');
    expect(text).toContain('October 2, 2026: Peer of the month for patient work with [a student] ([a student])');
    expect(text).toContain('Avery Quill');
    expect(pdfInfo(letter.bytes).Title).toBe('Letter of recognition — Sam Rivera');

    const everyStudent = (await app.call('students.list', { status: 'active' })).rows;
    const student = await app.call('students.get', { id: app.student.id });
    expect(everyStudent).toHaveLength(1);
    const places = [text, JSON.stringify(pdfInfo(letter.bytes)), pdfStrings(letter.bytes)];
    for (const word of [student.firstName, student.lastName, 'Quixote', 'Marchetti', student.localId]) {
      for (const place of places) expect(place).not.toContain(word);
    }
  });

  it('carries no confidentiality banner, and prints the signer title and contact from report settings', { timeout: 120_000 }, async () => {
    const app = await reportStudent();
    await app.call('reportSettings.update', {
      signerTitle: 'Special education coordinator',
      signerContact: 'a.quill@lakeside.example.org',
    });
    const letter = await buildReport(app.ctx, { kind: 'recognition_letter', mentorId: app.mentor.id, preparedOn: PREPARED_ON });
    pdfPngs(letter.bytes, 'recognition-letter-signed');
    const text = pdfText(letter.bytes);
    // A letter meant to be shown in a portfolio is not a student education record.
    expect(text).not.toContain('Confidential —');
    expect(text).not.toContain('student education record');
    expect(text).toContain('Sincerely, Avery Quill Special education coordinator Lakeside Middle School a.quill@lakeside.example.org');
    expect(text).toContain('Letter of recognition · prepared October 15, 2026');
  });
});
