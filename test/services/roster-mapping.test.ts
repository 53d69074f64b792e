import { describe, expect, it } from 'vitest';
import { ROSTER_FIELDS } from '../../src-main/contract/roster';
import { detectMapping, missingFields, normalizeHeader } from '../../src-main/services/roster/mapping';
import { parseDate, parseGrade, parseLanguage, parseList, parseStaffRole } from '../../src-main/services/roster/values';

describe('header auto-mapping', () => {
  it('maps a PowerSchool student export, preferring the school name over the school number', () => {
    const headers = ['Student_Number', 'First_Name', 'Last_Name', 'Grade_Level', 'SchoolID', 'School_Name', 'DOB'];
    expect(detectMapping('students', headers)).toEqual({
      localId: 'Student_Number',
      firstName: 'First_Name',
      lastName: 'Last_Name',
      grade: 'Grade_Level',
      school: 'School_Name',
      dateOfBirth: 'DOB',
    });
    // Without a name column the school number is the best there is.
    expect(detectMapping('students', ['Student_Number', 'First_Name', 'Last_Name', 'Grade_Level', 'SchoolID']).school).toBe('SchoolID');
  });

  it('maps PowerSchool DDE headers with table prefixes', () => {
    expect(detectMapping('students', ['[1]Student_Number', 'Students.First_Name', 'Students.Last_Name', '[01]Grade_Level'])).toEqual({
      localId: '[1]Student_Number',
      firstName: 'Students.First_Name',
      lastName: 'Students.Last_Name',
      grade: '[01]Grade_Level',
    });
  });

  it('maps Infinite Campus / generic headers', () => {
    const headers = ['Student ID', 'First Name', 'Last Name', 'Grade', 'School', 'Birth Date', 'Guardian Name', 'Home Language'];
    expect(detectMapping('students', headers)).toEqual({
      localId: 'Student ID',
      firstName: 'First Name',
      lastName: 'Last Name',
      grade: 'Grade',
      school: 'School',
      dateOfBirth: 'Birth Date',
      guardianName: 'Guardian Name',
      guardianLanguage: 'Home Language',
    });
  });

  it('ignores case, spaces, underscores, punctuation and accents', () => {
    const headers = ['  STUDENT #  ', 'first-name', 'LAST_NAME', 'grade level', 'School Name', 'Date of Birth', 'Préferred Name'];
    expect(detectMapping('students', headers)).toEqual({
      localId: '  STUDENT #  ',
      firstName: 'first-name',
      lastName: 'LAST_NAME',
      preferredName: 'Préferred Name',
      grade: 'grade level',
      school: 'School Name',
      dateOfBirth: 'Date of Birth',
    });
    expect(normalizeHeader('  Student_Number ')).toBe('studentnumber');
    expect(normalizeHeader('Student #')).toBe('studentnumber');
  });

  it('accepts a leading "Student" word on headers it knows without it', () => {
    expect(detectMapping('students', ['Student Number', 'Student First', 'Student Last', 'Student Grade Level', 'Student School'])).toEqual(
      {
        localId: 'Student Number',
        firstName: 'Student First',
        lastName: 'Student Last',
        grade: 'Student Grade Level',
        school: 'Student School',
      },
    );
  });

  it('leaves unknown headers unmapped and never maps parent columns to the student', () => {
    const headers = ['Locker', 'Bus Route', 'Parent First Name', 'Email', 'Phone', 'Homeroom'];
    expect(detectMapping('students', headers)).toEqual({});
    expect(missingFields('students', {})).toEqual(['localId', 'firstName', 'lastName', 'grade', 'school']);
  });

  it('uses each column once and each field once', () => {
    const mapping = detectMapping('students', ['Grade', 'Grade_Level', 'Student ID', 'Student_Number']);
    expect(mapping).toEqual({ localId: 'Student_Number', grade: 'Grade_Level' });
    expect(new Set(Object.values(mapping)).size).toBe(Object.values(mapping).length);
  });

  it('maps mentor and staff exports', () => {
    expect(
      detectMapping('mentors', [
        'Student_Number',
        'First_Name',
        'Last_Name',
        'Grade_Level',
        'School_Name',
        'Consent Date',
        'Parent Consent Date',
        'Max Peers',
      ]),
    ).toEqual({
      localId: 'Student_Number',
      firstName: 'First_Name',
      lastName: 'Last_Name',
      grade: 'Grade_Level',
      school: 'School_Name',
      consentGivenOn: 'Consent Date',
      guardianConsentGivenOn: 'Parent Consent Date',
      loadCap: 'Max Peers',
    });
    expect(detectMapping('staff', ['Teacher_Number', 'First Name', 'Last Name', 'Title', 'Email'])).toEqual({
      localId: 'Teacher_Number',
      firstName: 'First Name',
      lastName: 'Last Name',
      role: 'Title',
      email: 'Email',
    });
    expect(missingFields('staff', { role: 'Title', firstName: 'First Name' })).toEqual(['name']);
    expect(missingFields('staff', { role: 'Title', name: 'Name' })).toEqual([]);
  });

  it('returns fields in the contract order', () => {
    const mapping = detectMapping('students', ['DOB', 'School', 'Grade', 'Last Name', 'First Name', 'Student ID']);
    expect(Object.keys(mapping)).toEqual(ROSTER_FIELDS.students.filter((field) => field in mapping));
  });
});

describe('cell values', () => {
  it('reads grades the way SIS exports write them', () => {
    const cases: [string, number][] = [
      ['K', 0],
      ['KG', 0],
      ['kindergarten', 0],
      ['0', 0],
      ['PK', -1],
      ['Pre-K', -1],
      ['TK', -1],
      ['-1', -1],
      ['08', 8],
      ['8', 8],
      ['8th', 8],
      ['3rd', 3],
      ['1st', 1],
      ['Grade 7', 7],
      ['12', 12],
      ['13', 13],
      ['Transition', 13],
    ];
    for (const [text, grade] of cases) expect({ text, parsed: parseGrade(text) }).toEqual({ text, parsed: { ok: true, value: grade } });
    for (const text of ['fourth', 'K-5', 'eight', '1/2', '']) expect(parseGrade(text).ok).toBe(false);
  });

  it('reads dates as YYYY-MM-DD or M/D/YYYY, and refuses the rest without quoting them', () => {
    expect(parseDate('2012-03-09')).toEqual({ ok: true, value: '2012-03-09' });
    expect(parseDate('3/9/2012')).toEqual({ ok: true, value: '2012-03-09' });
    expect(parseDate('03/09/2012')).toEqual({ ok: true, value: '2012-03-09' });
    expect(parseDate('3/9/2012 0:00')).toEqual({ ok: true, value: '2012-03-09' });
    expect(parseDate('2012-03-09T00:00:00')).toEqual({ ok: true, value: '2012-03-09' });
    expect(parseDate('2/30/2012')).toEqual({ ok: false, message: 'That date does not exist.' });
    expect(parseDate('2012-13-01')).toEqual({ ok: false, message: 'That date does not exist.' });
    expect(parseDate('3/9/12')).toEqual({ ok: false, message: 'Use a four-digit year. Use a date like 2012-03-09 or 3/9/2012.' });
    expect(parseDate('March 9')).toEqual({ ok: false, message: 'Use a date like 2012-03-09 or 3/9/2012.' });
  });

  it('reads staff titles, languages and lists', () => {
    expect(parseStaffRole('Case Manager')).toEqual({ ok: true, value: 'case_manager' });
    expect(parseStaffRole('SpEd Teacher')).toEqual({ ok: true, value: 'special_education_teacher' });
    expect(parseStaffRole('special_education_teacher')).toEqual({ ok: true, value: 'special_education_teacher' });
    expect(parseStaffRole('Para')).toEqual({ ok: true, value: 'paraprofessional' });
    expect(parseStaffRole('Assistant Principal')).toEqual({ ok: true, value: 'administrator' });
    expect(parseStaffRole('Bus driver').ok).toBe(false);
    expect(parseLanguage('Spanish')).toEqual({ ok: true, value: 'es' });
    expect(parseLanguage('Español')).toEqual({ ok: true, value: 'es' });
    expect(parseLanguage('EN')).toEqual({ ok: true, value: 'en' });
    expect(parseLanguage('pt-BR')).toEqual({ ok: true, value: 'pt-BR' });
    expect(parseLanguage('Klingonese').ok).toBe(false);
    expect(parseList(' soccer; drawing |chess;; ')).toEqual({ ok: true, value: ['soccer', 'drawing', 'chess'] });
  });
});
