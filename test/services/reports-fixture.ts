/**
 * A student worth a report: the progress fixture's IEP (math, engagement and writing goals; a peer
 * tutor in Math 7 serving the first two) plus a second mentor, a peer buddy at lunch, six weeks of
 * points and sessions (some missed), check-ins that name the mentor, and a progress mark whose
 * narrative names the mentor too — so a parent report has something to redact — and two short-term
 * objectives under the math goal. Clock: 2026-10-15.
 * Also the PDF tools the report tests read files with (poppler). Synthetic data only.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mentorInput } from '../fixtures/program';
import { accommodationInput } from '../fixtures/program-input';
import { tempDir } from '../fixtures/vault';
import { supportedStudent } from './progress-fixture';

export const PREPARED_ON = '2026-10-15';

/** Mondays and Wednesdays from 2026-09-09 to 2026-10-14. */
const SCHOOL_DAYS = [
  '2026-09-09',
  '2026-09-14',
  '2026-09-16',
  '2026-09-21',
  '2026-09-23',
  '2026-09-28',
  '2026-09-30',
  '2026-10-05',
  '2026-10-07',
  '2026-10-12',
  '2026-10-14',
];

export async function reportStudent() {
  // What the team wrote into the plan before making it active: a second support, and a progress check.
  const app = await supportedStudent(async ({ call, planId, math, engagement }) => {
    const buddy = await call(
      'accommodations.create',
      accommodationInput(planId, {
        role: 'peer_buddy',
        settingClass: 'Lunch and advisory',
        slots: [
          { day: 'tue', period: 5 },
          { day: 'thu', period: 5 },
        ],
        sessionsPerWeek: 2,
        minutesPerSession: 25,
        goalIds: [engagement.id],
      }),
    );
    const mathWithCheck = await call('goals.update', {
      id: math.id,
      changes: {
        reportingPeriods: [
          { label: 'Progress check 1', endsOn: '2026-10-09' },
          { label: 'Quarter 1', endsOn: '2026-11-06' },
        ],
        objectives: ['Solve one-step problems with 90% accuracy by December.', 'Explain each step aloud.'],
      },
    });
    return { buddy, math: mathWithCheck };
  });
  const { buddy, math } = app.extra;
  const { call } = app;
  const priya = await call(
    'mentors.create',
    mentorInput({ firstName: 'Priyanka', lastName: 'Okonkwo-Lindqvist', preferredName: 'Pree', grade: 7 }),
  );
  const bart = await call(
    'mentors.create',
    mentorInput({
      firstName: 'Bartholomew',
      lastName: 'Nakamura',
      preferredName: undefined,
      grade: 11,
      availability: [
        { day: 'tue', period: 5 },
        { day: 'thu', period: 5 },
      ],
    }),
  );
  await call('assignments.create', { mentorId: priya.id, accommodationId: app.tutor.id, startDate: '2026-10-01' });
  await call('assignments.create', { mentorId: bart.id, accommodationId: buddy.id, startDate: '2026-09-08' });

  for (const [index, date] of SCHOOL_DAYS.entries()) {
    const missed = index === 3 || index === 8;
    await call(
      'sessions.create',
      missed
        ? { accommodationId: app.tutor.id, date, status: 'missed', missReason: index === 3 ? 'student_absent' : 'schedule_change' }
        : { accommodationId: app.tutor.id, date, status: 'held', minutes: 20, mentorIds: [app.mentor.id] },
    );
    await call('progressPoints.create', { goalId: app.math.id, date, value: 42 + index * 2.5 });
    if (index % 2 === 0) await call('progressPoints.create', { goalId: app.engagement.id, date, value: 25 + index * 3 });
  }
  await call('sessions.create', { accommodationId: buddy.id, date: '2026-10-13', status: 'held', minutes: 25, mentorIds: [bart.id] });

  await call('checkIns.create', {
    accommodationId: app.tutor.id,
    date: '2026-10-07',
    whatsWorking: 'Sam models the first step, then Zebulon finishes the problem alone.',
    whatsNot: 'Word problems with fractions still stall him.',
    nextSteps: 'Add a fraction warm-up before the word problems.',
    belonging: 4,
    engagement: 4,
    mentorWorkload: 2,
    mentorConfidence: 4,
    mentorId: app.mentor.id,
  });
  await call('checkIns.create', {
    accommodationId: buddy.id,
    date: '2026-10-14',
    whatsWorking: 'Lunch table conversation flows.',
    belonging: 5,
  });

  await call('progressMarks.save', {
    goalId: math.id,
    period: { label: 'Progress check 1', endsOn: '2026-10-09' },
    changes: {
      code: 'sufficient',
      sufficient: true,
      narrative: `Zebulon solved 7 of 10 two-step problems on the last probe. Sam Rivera (S.R., ${app.mentor.localId}) checks each first step with him; SR says he now explains his steps aloud.`,
    },
  });
  if (app.ctx.actor.staffId) await call('plans.update', { id: app.plan.id, changes: { caseManagerId: app.ctx.actor.staffId } });
  return { ...app, priya, bart, buddy };
}

// ── Reading PDFs ──────────────────────────────────────────────────────────────────────────────

function saved(bytes: Uint8Array): string {
  const file = join(tempDir('peerpath-pdf-'), 'report.pdf');
  writeFileSync(file, bytes);
  return file;
}

/** The text in the order it was written (a label before its value), whitespace collapsed: lines wrap anywhere. */
export function pdfText(bytes: Uint8Array): string {
  // pdfkit breaks lines after a hyphen ("peer-|support"); the hyphen is the word's own, so the halves rejoin.
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', saved(bytes), '-'], { encoding: 'utf8' })
    .replace(/-\n/g, '-')
    .replace(/\s+/g, ' ');
}

/** The text of each page. */
export function pdfPages(bytes: Uint8Array): string[] {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', saved(bytes), '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((page, index, all) => index < all.length - 1 || page.trim() !== '')
    .map((page) => page.replace(/\s+/g, ' '));
}

/** `pdfinfo` as a record ("Title" → "…"), with the XMP metadata under "XMP". */
export function pdfInfo(bytes: Uint8Array): Record<string, string> {
  const file = saved(bytes);
  const info: Record<string, string> = {};
  for (const line of execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' }).split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match?.[1] && match[2] !== undefined) info[match[1].trim()] = match[2].trim();
  }
  info.XMP = execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' });
  return info;
}

export function pdfFonts(bytes: Uint8Array): string {
  return execFileSync('pdffonts', [saved(bytes)], { encoding: 'utf8' });
}

function decodeString(raw: string, hex: boolean): string {
  const bytes = hex
    ? Buffer.from(raw.replace(/\s+/g, ''), 'hex')
    : Buffer.from(
        raw.replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_all, sequence: string) =>
          /^[0-7]+$/.test(sequence)
            ? String.fromCharCode(Number.parseInt(sequence, 8))
            : ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' }[sequence] ?? sequence),
        ),
        'latin1',
      );
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
  return bytes.toString('latin1');
}

/**
 * Every string the file holds outside its content streams — the outline (bookmarks), the info
 * dictionary, the structure tree's alternative and actual texts — plus the XMP metadata: where a
 * name could hide that `pdftotext` does not show.
 */
export function pdfStrings(bytes: Uint8Array): string {
  const latin = Buffer.from(bytes).toString('latin1');
  const outside = latin.replace(/stream\r?\n[\s\S]*?endstream/g, (stream) =>
    stream.includes('<x:xmpmeta') || stream.includes('<?xpacket') ? stream : '',
  );
  const strings: string[] = [];
  for (const match of outside.matchAll(/\((?:\\.|[^\\)])*\)|<([0-9A-Fa-f\s]+)>/g)) {
    strings.push(match[1] !== undefined ? decodeString(match[1], true) : decodeString(match[0].slice(1, -1), false));
  }
  const xmp = /<x:xmpmeta[\s\S]*?<\/x:xmpmeta>/.exec(outside)?.[0] ?? '';
  return `${strings.join('\n')}\n${Buffer.from(xmp, 'latin1').toString('utf8')}`;
}

/** The outline's titles, in order. */
export function pdfOutline(bytes: Uint8Array): string[] {
  const latin = Buffer.from(bytes)
    .toString('latin1')
    .replace(/stream\r?\n[\s\S]*?endstream/g, '');
  return [...latin.matchAll(/\/Title\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]+>)/g)]
    .map((match) => match[1] ?? '')
    .filter((raw) => raw.length > 0)
    .map((raw) => (raw.startsWith('(') ? decodeString(raw.slice(1, -1), false) : decodeString(raw.slice(1, -1), true)));
}

/** Every word pdftotext places, with its box, and the page size, for "nothing is outside the page". */
export function pdfWordBoxes(
  bytes: Uint8Array,
): { width: number; height: number; words: { text: string; x1: number; y1: number; x2: number; y2: number }[] }[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', saved(bytes), '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((page) => ({
    width: Number(page[1]),
    height: Number(page[2]),
    words: [...(page[3] ?? '').matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)].map(
      (word) => ({
        text: word[5] ?? '',
        x1: Number(word[1]),
        y1: Number(word[2]),
        x2: Number(word[3]),
        y2: Number(word[4]),
      }),
    ),
  }));
}

/** Renders pages to PNG (kept under test-results/reports for a person to look at); returns the files. */
export function pdfPngs(bytes: Uint8Array, name: string): string[] {
  const dir = join(import.meta.dirname, '../../test-results/reports');
  execFileSync('mkdir', ['-p', dir]);
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  execFileSync('pdftoppm', ['-png', '-r', '60', file, join(dir, name)]);
  return execFileSync('ls', [dir], { encoding: 'utf8' })
    .split('\n')
    .filter((entry) => entry.startsWith(`${name}-`) && entry.endsWith('.png'))
    .map((entry) => join(dir, entry));
}
