import { listDisclosures } from '../../reports/disclosure';
import { previewReport, saveReport } from '../../reports/export';
import { readReportSettings, updateReportSettings } from '../../reports/settings';
import type { VaultSession } from '../../services/vault-session';
import type { HandlerGroup } from './group';

export function reportHandlers(session: VaultSession) {
  return {
    'reports.preview': (input) => previewReport(session.context(), input),
    'reports.save': (input) => saveReport(session.context(), input),
    'reports.disclosures': (input) => listDisclosures(session.context(), input),
    'reportSettings.get': () => readReportSettings(session.context().db),
    'reportSettings.update': (changes) => updateReportSettings(session.context(), changes),
  } satisfies HandlerGroup<'reports.' | 'reportSettings.'>;
}
