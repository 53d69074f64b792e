/**
 * What the report form holds and how it becomes a `ReportRequest`: the plan a report is about
 * (the same choice as the engine's: the active IEP, else the active 504 plan, else the last that
 * ended), its start as the default "from", and the family's language when there is a report in it.
 */
import { type Plan, REPORT_LANGUAGE_CODES, type ReportLanguage, type ReportRequest, type Student } from '../../../../src-main/contract';

/** Languages with a parent-report catalog (src-main/reports/i18n/locales). */
export const REPORT_LANGUAGES = REPORT_LANGUAGE_CODES;
export type { ReportLanguage };

export interface ReportDraft {
  kind: 'team_summary' | 'parent_report';
  language: ReportLanguage;
  recipient: string;
  purpose: string;
  from: string;
  to: string;
  preparedOn: string;
}

export function planInForce(plans: readonly Plan[]): Plan | null {
  const active = plans.filter((plan) => plan.status === 'active').sort((a, b) => (a.type === 'iep' ? -1 : b.type === 'iep' ? 1 : 0));
  const ended = plans.filter((plan) => plan.status === 'ended').sort((a, b) => (a.endDate < b.endDate ? 1 : -1));
  return active[0] ?? ended[0] ?? null;
}

export function isReportLanguage(language: string): language is ReportLanguage {
  return (REPORT_LANGUAGES as readonly string[]).includes(language);
}

/** The first guardian's preferred language (base tag), or null when no guardian is on record. */
export function familyLanguage(student: Pick<Student, 'guardians'>): { guardian: string; language: string } | null {
  const guardian = student.guardians[0];
  return guardian ? { guardian: guardian.name, language: guardian.preferredLanguage.split('-')[0] ?? 'en' } : null;
}

export function initialDraft(student: Pick<Student, 'guardians'>, plan: Plan | null, today: string): ReportDraft {
  const family = familyLanguage(student);
  return {
    kind: 'team_summary',
    language: family && isReportLanguage(family.language) ? family.language : 'en',
    recipient: '',
    purpose: '',
    from: plan && plan.startDate <= today ? plan.startDate : '',
    to: today,
    preparedOn: today,
  };
}

export function toRequest(studentId: string, draft: ReportDraft): ReportRequest {
  const dates = { from: draft.from || undefined, to: draft.to || undefined, preparedOn: draft.preparedOn || undefined };
  return draft.kind === 'team_summary'
    ? { kind: 'team_summary', studentId, ...dates }
    : {
        kind: 'parent_report',
        studentId,
        language: draft.language,
        recipient: draft.recipient.trim(),
        purpose: draft.purpose.trim(),
        ...dates,
      };
}
