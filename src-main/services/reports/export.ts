/**
 * The report service: builds the PDF a request asks for (gathering, redacting for parents,
 * rendering), offers it for preview, or saves it to the path the user chose — never over an existing
 * file — and records the save in the audit trail in the same transaction (disclosure.ts). A file is
 * written only where asked, and only with its record.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { AppError } from '../../contract';
import type { ReportRequest } from '../../contract/reports';
import { REPORT_LANGUAGES, reportText } from '../../reports/i18n/index';
import type { RenderedReport } from '../../reports/model';
import { type FoundName, redactForParents, reviewList } from '../../reports/redact';
import { type RenderReport, renderReport } from '../../reports/render';
import { change, type ServiceContext } from '../context';
import { getMentor } from '../mentors/mentors';
import { type ExportRecord, exportAuditRecord } from './disclosure';
import { gatherTeamSummary } from './gather';
import { gatherMentorLetter } from './letter';
import { redactionPeople } from './people';
import { translateTeamView } from './translations';

export interface BuiltReport extends RenderedReport {
  fileName: string;
  record: ExportRecord;
  /** For a parent document: the names its redaction replaced, for the case manager's review. */
  names?: FoundName[];
}

/** A name any file system takes: no path separators, reserved or control characters, at most 180 characters. */
function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[/\\:*?"<>|\p{Cc}]/gu, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  return [...cleaned].slice(0, 176).join('') || 'report';
}

/** "S-100234 Quixote-Marchetti – team summary – 2026-10-15.pdf" */
export function reportFileName(localId: string, lastName: string, what: string, preparedOn: string): string {
  return `${safeFileName(`${localId} ${lastName} – ${what} – ${preparedOn}`)}.pdf`;
}

/** Gathers here, next to the vault; `render` draws, in this thread unless the caller passes a worker's. */
export async function buildReport(ctx: ServiceContext, request: ReportRequest, render: RenderReport = renderReport): Promise<BuiltReport> {
  switch (request.kind) {
    case 'team_summary': {
      const view = gatherTeamSummary(ctx, request);
      return {
        ...(await render({ kind: 'team_summary', view })),
        fileName: reportFileName(view.student.localId, view.student.lastName, 'team summary', view.preparedOn),
        record: {
          use: 'internal_use',
          report: 'team_summary',
          subject: 'student',
          subjectId: view.student.id,
          recipient: null,
          purpose: null,
          ...view.range,
          preparedOn: view.preparedOn,
          language: 'en',
        },
      };
    }
    case 'parent_report': {
      if (!REPORT_LANGUAGES.includes(request.language)) {
        throw new AppError(
          'invalid_input',
          `There is no parent report in that language yet; choose one of: ${REPORT_LANGUAGES.join(', ')}.`,
        );
      }
      // The team's translations replace the English before redaction reads it.
      const team = translateTeamView(ctx, gatherTeamSummary(ctx, request), request.language);
      const found: Parameters<typeof reviewList>[0][number][] = [];
      const view = redactForParents(team, redactionPeople(ctx, team.student.id), {
        language: request.language,
        preparedFor: request.recipient,
        replacement: reportText(request.language).t('parent.redactedPeer'),
        review: request.redaction,
        onReplacement: (replacement, text) => found.push({ replacement, text }),
      });
      const { redaction } = request;
      return {
        ...(await render({ kind: 'parent_report', view })),
        fileName: reportFileName(team.student.localId, team.student.lastName, 'parent report', team.preparedOn),
        names: reviewList(found),
        record: {
          use: 'disclosure',
          report: 'parent_report',
          subject: 'student',
          subjectId: team.student.id,
          recipient: request.recipient,
          purpose: request.purpose,
          ...team.range,
          preparedOn: team.preparedOn,
          language: request.language,
          // The review happened (counts only, never a name): the disclosure record says so.
          namesReplaced: redaction ? found.length : null,
          namesKept: redaction ? redaction.keep.length : null,
          namesAdded: redaction ? redaction.remove.length : null,
        },
      };
    }
    case 'recognition_letter': {
      const view = gatherMentorLetter(ctx, request);
      const mentor = getMentor(ctx, { id: request.mentorId });
      return {
        ...(await render({ kind: 'recognition_letter', view })),
        fileName: reportFileName(mentor.localId, mentor.lastName, 'recognition letter', view.preparedOn),
        record: {
          use: 'internal_use',
          report: 'recognition_letter',
          subject: 'mentor',
          subjectId: mentor.id,
          recipient: null,
          purpose: null,
          from: null,
          to: null,
          preparedOn: view.preparedOn,
          language: 'en',
        },
      };
    }
  }
}

/** What a preview shows of any built report: its name, size and the PDF to display. */
export function previewOf(built: BuiltReport) {
  return {
    fileName: built.fileName,
    pages: built.pages,
    bytes: built.bytes.length,
    pdfBase64: Buffer.from(built.bytes).toString('base64'),
    ...(built.names ? { names: built.names } : {}),
  };
}

export async function previewReport(ctx: ServiceContext, input: { request: ReportRequest }, render?: RenderReport) {
  return previewOf(await buildReport(ctx, input.request, render));
}

/** Creates `path` with `bytes`; refuses, in plain words, a path that exists or a folder that does not. */
function writeNewFile(path: string, bytes: Uint8Array): void {
  try {
    writeFileSync(path, bytes, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw new AppError('conflict', 'A file with that name is already there; nothing was overwritten. Choose another name.');
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new AppError('invalid_input', 'That folder does not exist.');
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
      throw new AppError('forbidden', 'Peerpath may not write to that folder.');
    if (code === 'EISDIR') throw new AppError('invalid_input', 'That is a folder; give a file name.');
    throw error;
  }
}

/** Writes a built report and its audit event together: if either fails, neither stays. */
export function saveBuilt(
  ctx: ServiceContext,
  built: BuiltReport,
  path: string,
): { path: string; fileName: string; pages: number; bytes: number } {
  let written = false;
  try {
    return change(ctx, () => {
      writeNewFile(path, built.bytes);
      written = true;
      return {
        result: { path, fileName: built.fileName, pages: built.pages, bytes: built.bytes.length },
        record: exportAuditRecord(built.record),
      };
    });
  } catch (error) {
    if (written) rmSync(path, { force: true });
    throw error;
  }
}

/** The path comes from a save dialog (or a command line, resolved there): never relative to wherever Peerpath runs. */
export function requirePdfPath(path: string): void {
  if (!isAbsolute(path) || !path.toLowerCase().endsWith('.pdf')) {
    throw new AppError('invalid_input', 'Give the full path of a file ending in .pdf.');
  }
}

export async function saveReport(ctx: ServiceContext, input: { request: ReportRequest; path: string }, render?: RenderReport) {
  requirePdfPath(input.path);
  return saveBuilt(ctx, await buildReport(ctx, input.request, render), input.path);
}
