import { createBatchJobs } from '../../reports/batch-jobs';
import { listDisclosures } from '../../reports/disclosure';
import { previewReport, saveReport } from '../../reports/export';
import { readReportSettings, updateReportSettings } from '../../reports/settings';
import type { VaultSession } from '../../services/vault-session';
import type { FileChoices } from './files';
import type { HandlerGroup } from './group';

export function reportHandlers(session: VaultSession, files?: Pick<FileChoices, 'claim'>) {
  const batches = createBatchJobs({ context: () => session.context() });
  return {
    'reports.preview': (input) => previewReport(session.context(), input),
    'reports.save': (input) => {
      session.context();
      files?.claim('file', input.path);
      return saveReport(session.context(), input);
    },
    'reports.disclosures': (input) => listDisclosures(session.context(), input),
    'reports.batchStart': ({ scope, folder, from, to, preparedOn }) => {
      session.context();
      files?.claim('folder', folder);
      return batches.start({ scope, folder, from, to, preparedOn });
    },
    'reports.batchStatus': ({ jobId }) => batches.status(jobId),
    'reports.batchCancel': ({ jobId }) => batches.cancel(jobId),
    'reportSettings.get': () => readReportSettings(session.context().db),
    'reportSettings.update': (changes) => updateReportSettings(session.context(), changes),
  } satisfies HandlerGroup<'reports.' | 'reportSettings.'>;
}
