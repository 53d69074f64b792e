/**
 * What each roster kind can import, what each field is called in the exports of common student
 * information systems, and how its cells are read. Synonyms are written normalised (see
 * normalizeHeader): lower case, letters and digits only, "#" spelled "number"; the first synonym
 * of a field is the best match, so "School_Name" wins over "SchoolID" when a file has both.
 */
import { ROSTER_FIELDS, type RosterKind } from '../../contract/roster';
import { type Parsed, parseDate, parseGrade, parseInteger, parseLanguage, parseList, parseStaffRole } from './values';

export type CellValue = string | number | string[];

export interface FieldSpec {
  field: string;
  /** For messages: "Student number is empty." */
  label: string;
  required: boolean;
  synonyms: readonly string[];
  parse: (text: string) => Parsed<CellValue>;
}

const asText = (text: string): Parsed<CellValue> => ({ ok: true, value: text });

const LOCAL_ID = [
  'studentnumber',
  'studentid',
  'localstudentid',
  'localid',
  'studentlocalid',
  'sisid',
  'studentno',
  'stuid',
  'stunumber',
  'studentidnumber',
  'studentnum',
  'permnumber',
  'permid',
  'number',
  'id',
];
const FIRST_NAME = ['firstname', 'studentfirstname', 'legalfirstname', 'givenname', 'first', 'fname', 'stufirstname'];
const LAST_NAME = ['lastname', 'studentlastname', 'legallastname', 'surname', 'familyname', 'last', 'lname', 'stulastname'];
const PREFERRED = ['preferredname', 'preferredfirstname', 'nickname', 'knownas', 'commonname', 'alias'];
const GRADE = ['gradelevel', 'grade', 'currentgrade', 'gradelvl', 'grd', 'gr', 'studentgrade', 'stugrade', 'yearlevel'];
const SCHOOL = [
  'schoolname',
  'school',
  'schoolabbreviation',
  'building',
  'buildingname',
  'campus',
  'campusname',
  'site',
  'sitename',
  'schoolid',
  'schoolcode',
  'schoolnumber',
  'buildingcode',
];

function person(label: string): Omit<FieldSpec, 'field' | 'synonyms' | 'required'> {
  return { label, parse: asText };
}

const STUDENT_LIKE: FieldSpec[] = [
  { field: 'localId', ...person('Student number'), required: true, synonyms: LOCAL_ID },
  { field: 'firstName', ...person('First name'), required: true, synonyms: FIRST_NAME },
  { field: 'lastName', ...person('Last name'), required: true, synonyms: LAST_NAME },
  { field: 'preferredName', ...person('Preferred name'), required: false, synonyms: PREFERRED },
  { field: 'grade', label: 'Grade', required: true, synonyms: GRADE, parse: parseGrade },
  { field: 'school', ...person('School'), required: true, synonyms: SCHOOL },
];

const STUDENTS: FieldSpec[] = [
  ...STUDENT_LIKE,
  {
    field: 'dateOfBirth',
    label: 'Date of birth',
    required: false,
    synonyms: ['dob', 'birthdate', 'dateofbirth', 'birthday', 'studentdob', 'studentbirthdate', 'bdate'],
    parse: parseDate,
  },
  {
    field: 'guardianName',
    ...person('Guardian name'),
    required: false,
    synonyms: ['guardianname', 'guardian', 'parentname', 'parentguardianname', 'parentguardian', 'guardian1name', 'contactname', 'parent'],
  },
  {
    field: 'guardianRelationship',
    ...person('Guardian relationship'),
    required: false,
    synonyms: ['guardianrelationship', 'relationship', 'guardianrelation', 'relation', 'guardian1relationship', 'contactrelationship'],
  },
  {
    field: 'guardianPhone',
    ...person('Guardian phone'),
    required: false,
    synonyms: ['guardianphone', 'parentphone', 'guardian1phone', 'contactphone', 'homephone'],
  },
  {
    field: 'guardianEmail',
    ...person('Guardian email'),
    required: false,
    synonyms: ['guardianemail', 'parentemail', 'guardian1email', 'contactemail', 'parentguardianemail'],
  },
  {
    field: 'guardianLanguage',
    label: 'Guardian language',
    required: false,
    synonyms: [
      'guardianlanguage',
      'parentlanguage',
      'homelanguage',
      'languagespokenathome',
      'primaryhomelanguage',
      'preferredlanguage',
      'contactlanguage',
    ],
    parse: parseLanguage,
  },
];

const MENTORS: FieldSpec[] = [
  ...STUDENT_LIKE,
  {
    field: 'consentGivenOn',
    label: 'Mentor consent date',
    required: false,
    synonyms: ['consentgivenon', 'consentdate', 'mentorconsentdate', 'studentconsentdate', 'consentgiven', 'consent'],
    parse: parseDate,
  },
  {
    field: 'guardianConsentGivenOn',
    label: 'Guardian consent date',
    required: false,
    synonyms: ['guardianconsentgivenon', 'guardianconsentdate', 'parentconsentdate', 'guardianconsent', 'parentconsent'],
    parse: parseDate,
  },
  {
    field: 'loadCap',
    label: 'Load cap',
    required: false,
    synonyms: ['loadcap', 'maxpeers', 'maximumpeers', 'capacity', 'maxload', 'peerlimit'],
    parse: parseInteger,
  },
  { field: 'interests', label: 'Interests', required: false, synonyms: ['interests', 'interest', 'hobbies'], parse: parseList },
];

const STAFF: FieldSpec[] = [
  {
    field: 'localId',
    ...person('Staff id'),
    required: false,
    synonyms: [
      'staffid',
      'staffnumber',
      'teachernumber',
      'teacherid',
      'employeeid',
      'employeenumber',
      'localid',
      'staffno',
      'id',
      'number',
    ],
  },
  { field: 'name', ...person('Name'), required: false, synonyms: ['name', 'fullname', 'staffname', 'teachername', 'displayname'] },
  {
    field: 'firstName',
    ...person('First name'),
    required: false,
    synonyms: ['firstname', 'stafffirstname', 'teacherfirstname', 'givenname', 'first', 'fname'],
  },
  {
    field: 'lastName',
    ...person('Last name'),
    required: false,
    synonyms: ['lastname', 'stafflastname', 'teacherlastname', 'surname', 'familyname', 'last', 'lname'],
  },
  {
    field: 'role',
    label: 'Role',
    required: true,
    synonyms: ['role', 'staffrole', 'title', 'jobtitle', 'position', 'stafftype'],
    parse: parseStaffRole,
  },
  {
    field: 'email',
    ...person('Email'),
    required: false,
    synonyms: ['email', 'emailaddress', 'schoolemail', 'workemail', 'staffemail', 'teacheremail'],
  },
];

export const FIELD_SPECS: Record<RosterKind, readonly FieldSpec[]> = { students: STUDENTS, mentors: MENTORS, staff: STAFF };

// The contract names the fields; the specs here must cover exactly those, in the same order.
for (const kind of Object.keys(ROSTER_FIELDS) as RosterKind[]) {
  const specs = FIELD_SPECS[kind].map((spec) => spec.field).join();
  if (specs !== ROSTER_FIELDS[kind].join()) throw new Error(`roster fields for ${kind} differ from the contract`);
}

export function fieldSpec(kind: RosterKind, field: string): FieldSpec | undefined {
  return FIELD_SPECS[kind].find((spec) => spec.field === field);
}

/** What each kind words as "the id" in messages. */
export const LOCAL_ID_LABEL: Record<RosterKind, string> = { students: 'student number', mentors: 'student number', staff: 'staff id' };
