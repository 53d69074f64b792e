import { type RenderReport, renderReport } from '../../reports/render';
import { createBatchJobs } from '../../services/reports/batch-jobs';
import { listDisclosures } from '../../services/reports/disclosure';
import { previewReport, saveReport } from '../../services/reports/export';
import { findByNumber } from '../../services/reports/lookup';
import { readReportSettings, updateReportSettings } from '../../services/reports/settings';
import { listTranslations, saveTranslations } from '../../services/reports/translations';
import type { VaultSession } from '../../services/vault-session';
import type { TaskRunner } from '../../workers/pool';
import type { FileChoices } from './files';
import type { HandlerGroup } from './group';

export function reportHandlers(session: VaultSession, files?: Pick<FileChoices, 'claim'>, tasks?: TaskRunner) {
  const render: RenderReport = tasks ? (job, signal) => tasks.run('reports.render', job, { signal }) : renderReport;
  const batches = createBatchJobs({ context: () => session.context(), render });
  return {
    'reports.preview': (input) => previewReport(session.context(), input, render),
    'reports.save': (input) => {
      session.context();
      files?.claim('file', input.path);
      return saveReport(session.context(), input, render);
    },
    'reports.findByNumber': (input) => findByNumber(session.context(), input),
    'reports.disclosures': (input) => listDisclosures(session.context(), input),
    'translations.list': (input) => listTranslations(session.context(), input),
    'translations.save': (input) => saveTranslations(session.context(), input),
    'reports.batchStart': ({ scope, folder, from, to, preparedOn }) => {
      session.context();
      files?.claim('folder', folder);
      return batches.start({ scope, folder, from, to, preparedOn });
    },
    'reports.batchStatus': ({ jobId }) => batches.status(jobId),
    'reports.batchCancel': ({ jobId }) => batches.cancel(jobId),
    'reportSettings.get': () => readReportSettings(session.context().db),
    'reportSettings.update': (changes) => updateReportSettings(session.context(), changes),
  } satisfies HandlerGroup<'reports.' | 'reportSettings.' | 'translations.'>;
}
