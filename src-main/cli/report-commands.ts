/**
 * `peerpath report team|parent|mentor|batch …` and `peerpath audit list --disclosures`: PDF reports
 * written only to the file or folder given with --out (never over an existing file), each recorded
 * in the audit trail — a parent report as a disclosure to the recipient, for the purpose given.
 * Arguments are checked with zod before the vault is unlocked. Every report, the batch included, goes
 * through the dispatch, as the app's do: the same channels, drawn in the same worker threads.
 */
import { resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';
import { type Disclosure, IsoDate, Purpose, Recipient, type ReportLanguage } from '../contract';
import type { BatchScope, BatchStatus } from '../contract/reports';
import { REPORT_LANGUAGES } from '../reports/i18n/index';
import { CommandFailed, type Connection, call, describe, type Io, parseCommandLine, UsageError, unlocked, withPeerpath } from './common';

export const REPORT_USAGE = `  report team --student <student number> [--from <date> --to <date>] [--prepared-on <date>] --out <file.pdf>
                                           the IEP meeting summary for the team (recorded as internal use)
  report parent --student <student number> --lang ${REPORT_LANGUAGES.join('|')} --recipient "<who>" --purpose "<why>"
                [--from <date> --to <date>] [--prepared-on <date>] --out <file.pdf>
                                           the parent report; mentors appear only by role and grade; recorded as a
                                           disclosure to the recipient (FERPA 34 CFR 99.32)
  report mentor --mentor <student number> [--prepared-on <date>] --out <file.pdf>
                                           a mentor's letter of recognition (service hours, roles, training)
  report batch --case-manager <staff id> [--from <date> --to <date>] [--prepared-on <date>] --out <folder>
                                           a team summary for every active student of the case manager
  audit list --disclosures [--student <student number>] [--limit <n>]
                                           the reports saved, newest first: who, when, to whom, why, what
  Dates look like 2026-10-15. The range defaults to the plan's start through the prepared-on date (today).`;

const Text = z.string().trim().min(1);
const PdfFile = Text.refine((path) => path.toLowerCase().endsWith('.pdf'), 'Give a file name ending in .pdf.');
const Dates = { from: IsoDate.optional(), to: IsoDate.optional(), preparedOn: IsoDate.optional() };

export const ReportInvocation = z.discriminatedUnion('command', [
  z.object({ command: z.literal('report team'), student: Text, out: PdfFile, ...Dates }),
  z.object({
    command: z.literal('report parent'),
    student: Text,
    lang: z.enum(REPORT_LANGUAGES as [ReportLanguage, ...ReportLanguage[]], `Choose one of: ${REPORT_LANGUAGES.join(', ')}.`),
    recipient: Recipient,
    purpose: Purpose,
    out: PdfFile,
    ...Dates,
  }),
  z.object({ command: z.literal('report mentor'), mentor: Text, out: PdfFile, preparedOn: IsoDate.optional() }),
  z.object({ command: z.literal('report batch'), caseManager: Text, out: Text, ...Dates }),
  z.object({
    command: z.literal('audit disclosures'),
    student: Text.optional(),
    limit: z
      .string()
      .regex(/^\d{1,3}$/, 'Use a whole number.')
      .transform(Number)
      .pipe(z.number().int().min(1).max(500))
      .default(50),
  }),
]);
export type ReportInvocation = z.infer<typeof ReportInvocation>;

/** Whether `argv` is one of the commands here (the rest of the CLI is parsed by cli.ts). */
export function isReportCommand(argv: readonly string[]): boolean {
  return argv[0] === 'report' || (argv[0] === 'audit' && argv.includes('--disclosures'));
}

export interface ParsedReportCommand {
  invocation: ReportInvocation;
  vault: string | undefined;
  recovery: boolean;
}

/** Reads the command line; a usage error names what is wrong, before anything is unlocked. */
export function parseReportCommand(argv: readonly string[]): ParsedReportCommand {
  const parsed = parseCommandLine(argv, {
    vault: { type: 'string' },
    'recovery-key': { type: 'boolean' },
    student: { type: 'string' },
    mentor: { type: 'string' },
    'case-manager': { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    'prepared-on': { type: 'string' },
    lang: { type: 'string' },
    recipient: { type: 'string' },
    purpose: { type: 'string' },
    out: { type: 'string' },
    disclosures: { type: 'boolean' },
    limit: { type: 'string' },
  });
  const [group, command, ...rest] = parsed.positionals;
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
  const name = group === 'audit' && command === 'list' ? 'audit disclosures' : `${group} ${command ?? ''}`.trim();
  const { values } = parsed;
  const invocation = ReportInvocation.safeParse({
    command: name,
    student: values.student,
    mentor: values.mentor,
    caseManager: values['case-manager'],
    from: values.from,
    to: values.to,
    preparedOn: values['prepared-on'],
    lang: values.lang,
    recipient: values.recipient,
    purpose: values.purpose,
    out: values.out,
    limit: values.limit,
  });
  if (!invocation.success) {
    const known = ReportInvocation.options.some((option) => option.shape.command.value === name);
    throw new UsageError(known ? `wrong arguments for "${name}": ${describe(invocation.error)}` : `unknown command "${name}"`);
  }
  const vault = typeof values.vault === 'string' ? values.vault : undefined;
  return { invocation: invocation.data, vault, recovery: values['recovery-key'] === true };
}

function disclosureLine(disclosure: Disclosure, localId: string | null): string {
  const subject = `${disclosure.subject} ${localId ?? disclosure.subjectId}`;
  const range = disclosure.from && disclosure.to ? `${disclosure.from}..${disclosure.to}` : '-';
  return [
    String(disclosure.id),
    disclosure.at,
    disclosure.actorName ?? '-',
    disclosure.use === 'disclosure' ? 'disclosure' : 'internal use',
    disclosure.report.replaceAll('_', ' '),
    subject,
    range,
    `prepared ${disclosure.preparedOn}`,
    disclosure.recipient ? `to: ${disclosure.recipient}` : '-',
    disclosure.purpose ? `for: ${disclosure.purpose}` : '-',
    // A reviewed parent report says so (counts only), as the record holds it.
    ...(typeof disclosure.namesReplaced === 'number'
      ? [`names reviewed: ${disclosure.namesReplaced} replaced, ${disclosure.namesKept ?? 0} kept, ${disclosure.namesAdded ?? 0} added`]
      : []),
  ].join('\t');
}

/** How often the terminal asks how far a batch has come. */
const BATCH_POLL_MS = 100;

/**
 * A batch through the dispatch, as the app runs it (`reports.batchStart`, then `batchStatus` until it
 * is finished): drawn in the worker threads, saved with its records. Ctrl-C asks `batchCancel`, so
 * nothing half-drawn is written, and the command reports what was written.
 */
async function runBatchJob(
  app: Pick<Connection, 'dispatch'>,
  input: { scope: BatchScope; folder: string; from?: string | undefined; to?: string | undefined; preparedOn?: string | undefined },
): Promise<BatchStatus> {
  let status = await call(app, 'reports.batchStart', input);
  const { jobId } = status;
  // The job notices between two students (or drops the one being drawn); the loop below sees it finish.
  const stop = () => void call(app, 'reports.batchCancel', { jobId }).catch(() => undefined);
  process.once('SIGINT', stop);
  try {
    while (!status.finished) {
      await delay(BATCH_POLL_MS);
      status = await call(app, 'reports.batchStatus', { jobId });
      if (process.stderr.isTTY) process.stderr.write(`\rteam summaries: ${status.done} of ${status.total}`);
    }
    if (process.stderr.isTTY) process.stderr.write('\n');
    return status;
  } finally {
    process.off('SIGINT', stop);
  }
}

/** Whom a command names, by the number staff know, through the dispatch. */
async function idOf(app: Pick<Connection, 'dispatch'>, kind: 'student' | 'mentor' | 'case_manager', number: string): Promise<string> {
  return (await call(app, 'reports.findByNumber', { kind, number })).id;
}

export async function runReportCommand(parsed: ParsedReportCommand, dir: string, io: Io): Promise<void> {
  const { invocation } = parsed;
  await withPeerpath(io, dir, async (app) => {
    await unlocked(app, io, parsed.recovery);
    const dates = 'from' in invocation ? { from: invocation.from, to: invocation.to, preparedOn: invocation.preparedOn } : {};
    switch (invocation.command) {
      case 'report team':
      case 'report parent':
      case 'report mentor': {
        const request =
          invocation.command === 'report team'
            ? { kind: 'team_summary' as const, studentId: await idOf(app, 'student', invocation.student), ...dates }
            : invocation.command === 'report parent'
              ? {
                  kind: 'parent_report' as const,
                  studentId: await idOf(app, 'student', invocation.student),
                  language: invocation.lang,
                  recipient: invocation.recipient,
                  purpose: invocation.purpose,
                  ...dates,
                }
              : {
                  kind: 'recognition_letter' as const,
                  mentorId: await idOf(app, 'mentor', invocation.mentor),
                  preparedOn: invocation.preparedOn,
                };
        const saved = await call(app, 'reports.save', { request, path: resolve(invocation.out) });
        const recorded =
          invocation.command === 'report parent' ? `recorded as a disclosure to ${invocation.recipient}` : 'recorded as internal use';
        io.out(`Wrote ${saved.path} (${saved.pages} page${saved.pages === 1 ? '' : 's'}); ${recorded}.`);
        return;
      }
      case 'report batch': {
        const caseManagerId = await idOf(app, 'case_manager', invocation.caseManager);
        const status = await runBatchJob(app, {
          scope: { kind: 'caseload', caseManagerId },
          folder: resolve(invocation.out),
          ...dates,
        });
        const summary = `Wrote ${status.written} of ${status.total} team summaries into ${invocation.out}`;
        io.out(`${summary}.`);
        if (status.stoppedBecause) throw new CommandFailed([`peerpath: ${status.stoppedBecause}`]);
        if (status.failures.length === 0 && !status.cancelled) return;
        const lines = status.cancelled ? [`peerpath: cancelled after ${status.done} of ${status.total}.`] : [];
        if (status.failures.length) lines.push(`peerpath: ${status.failures.length} could not be made:`);
        for (const failure of status.failures) lines.push(`  ${failure.localId}: ${failure.message}`);
        throw new CommandFailed(lines);
      }
      case 'audit disclosures': {
        const studentId = invocation.student ? await idOf(app, 'student', invocation.student) : undefined;
        const list = await call(app, 'reports.disclosures', { studentId, limit: invocation.limit });
        for (const disclosure of list) io.out(disclosureLine(disclosure, disclosure.subjectLocalId));
        return;
      }
    }
  });
}
