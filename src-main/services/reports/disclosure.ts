/**
 * The record of reports that left Peerpath (FERPA 34 CFR 99.32): each saved report is one audit
 * event `report.exported` — a parent report as a disclosure with its recipient and purpose, a team
 * summary or recognition letter as internal use — holding who (the acting key slot), when, to whom,
 * why, and what (report type, student or mentor id, date range), and never a name of a student or
 * mentor beyond that id. Listing reads those events back for a screen or `audit list --disclosures`.
 */
import { z } from 'zod';
import { type Disclosure, DisclosureUse, ReportKind } from '../../contract/reports';
import { actorNames, listAudit } from '../audit';
import type { ChangeRecord, ServiceContext } from '../context';
import { studentLocalId } from './lookup';

const REPORT_EXPORTED = 'report.exported';

export interface ExportRecord {
  use: z.infer<typeof DisclosureUse>;
  report: ReportKind;
  subject: 'student' | 'mentor';
  subjectId: string;
  recipient: string | null;
  purpose: string | null;
  from: string | null;
  to: string | null;
  preparedOn: string;
  language: string | null;
  /** Set when the case manager reviewed a parent document's redaction: counts only, never a name. */
  namesReplaced?: number | null;
  namesKept?: number | null;
  namesAdded?: number | null;
}

/** What the audit event holds: the record without the subject, which is the event's entity. */
const Detail = z.object({
  use: DisclosureUse,
  report: ReportKind,
  recipient: z.string().nullable(),
  purpose: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  preparedOn: z.string(),
  language: z.string().nullable(),
  namesReplaced: z.number().int().nullable().optional(),
  namesKept: z.number().int().nullable().optional(),
  namesAdded: z.number().int().nullable().optional(),
});

export function exportAuditRecord(record: ExportRecord): ChangeRecord {
  const { subject, subjectId, ...detail } = record;
  return { action: REPORT_EXPORTED, entity: subject, entityId: subjectId, detail: Detail.parse(detail) };
}

export function listDisclosures(ctx: ServiceContext, input: { studentId?: string | undefined; limit: number }): Disclosure[] {
  const rows = listAudit(ctx.db, {
    action: REPORT_EXPORTED,
    ...(input.studentId ? { entity: 'student', entityId: input.studentId } : {}),
    limit: input.limit,
  });
  const actorName = actorNames(ctx.db);
  return rows.flatMap((row) => {
    const detail = Detail.safeParse(row.detail ? JSON.parse(row.detail) : null);
    if (!detail.success || (row.entity !== 'student' && row.entity !== 'mentor') || !row.entityId) return [];
    return [
      {
        id: row.id,
        at: row.at,
        actorName: actorName(row.actorSlotId),
        subject: row.entity,
        subjectId: row.entityId,
        subjectLocalId: row.entity === 'student' ? studentLocalId(ctx, row.entityId) : null,
        ...detail.data,
      },
    ];
  });
}
