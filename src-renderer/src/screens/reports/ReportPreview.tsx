/**
 * The preview of one report and its "Save…" action: the PDF shown in the page (an <object> on a
 * blob: URL, with words instead where the window cannot show PDFs), then the system's save dialog,
 * then `reports.save`, which writes the file there and records it. The confirmation says where it
 * went and how it was recorded.
 */
import { keepPreviousData, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { RedactionReview, ReportRequest } from '../../../../src-main/contract';
import { useApi, useApiQuery } from '../../api-client/react';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { useServiceError } from '../../components/service-error';
import { usePdfUrl } from './pdf-url';
import { RedactionReviewPanel } from './RedactionReviewPanel';

export interface ReportPreviewProps {
  request: ReportRequest;
  /** The form changed since this preview was asked for: saving waits for a new preview. */
  stale?: boolean;
}

type SaveState =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'cancelled' }
  | { state: 'saved'; path: string }
  | { state: 'failed'; error: unknown };

export function ReportPreview({ request: asked, stale = false }: ReportPreviewProps) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const api = useApi();
  const client = useQueryClient();
  const alertId = useId();
  const headingId = useId();
  // A parent report is previewed and saved with the case manager's review of its names (RedactionReviewPanel).
  const [review, setReview] = useState<RedactionReview>({ keep: [], remove: [] });
  const request: ReportRequest = asked.kind === 'parent_report' ? { ...asked, redaction: review } : asked;
  // Kept only while the preview is on screen: the bytes are a student's record.
  const preview = useApiQuery(
    'reports.preview',
    { request },
    { gcTime: 0, staleTime: Number.POSITIVE_INFINITY, placeholderData: keepPreviousData },
  );
  const url = usePdfUrl(preview.data?.pdfBase64);
  const [save, setSave] = useState<SaveState>({ state: 'idle' });
  // Chromium says whether it can show PDFs inline (Electron's viewer; not in a headless browser).
  const pdfViewer = navigator.pdfViewerEnabled !== false;

  async function saveReport(fileName: string): Promise<void> {
    setSave({ state: 'saving' });
    try {
      const { path } = await api('files.chooseSavePath', {
        title: t('reportsScreen.preview.saveTitle'),
        suggestedName: fileName,
        filter: 'pdf',
      });
      if (path === null) {
        setSave({ state: 'cancelled' });
        return;
      }
      const saved = await api('reports.save', { request, path });
      setSave({ state: 'saved', path: saved.path });
      await client.invalidateQueries({ queryKey: ['reports.disclosures'] });
    } catch (error) {
      setSave({ state: 'failed', error });
    }
  }

  const savedText =
    save.state === 'saved'
      ? request.kind === 'parent_report'
        ? t('reportsScreen.preview.savedDisclosure', { path: save.path, recipient: request.recipient })
        : t('reportsScreen.preview.savedInternal', { path: save.path })
      : save.state === 'cancelled'
        ? t('reportsScreen.preview.cancelledDialog')
        : null;

  return (
    <section className="report-preview stack" aria-labelledby={headingId}>
      <h3 id={headingId} className="subform-title">
        {t('reportsScreen.preview.title')}
      </h3>
      {preview.isPending ? <p role="status">{t('reportsScreen.preview.loading')}</p> : null}
      <FormAlert id={alertId}>
        {preview.isError ? describe(preview.error) : save.state === 'failed' ? describe(save.error) : null}
      </FormAlert>
      {preview.data ? (
        <>
          <p className="report-preview-facts">
            {t('reportsScreen.preview.facts', { fileName: preview.data.fileName, count: preview.data.pages })}
          </p>
          {!pdfViewer ? (
            <p className="notice">{t('reportsScreen.preview.fallback')}</p>
          ) : url ? (
            <object
              className="report-preview-frame"
              data={url}
              type="application/pdf"
              aria-label={t('reportsScreen.preview.frameLabel', { fileName: preview.data.fileName })}
            >
              <p className="report-preview-fallback">{t('reportsScreen.preview.fallback')}</p>
            </object>
          ) : null}
          {preview.data.names ? <RedactionReviewPanel names={preview.data.names} review={review} onChange={setReview} /> : null}
          {stale ? <p className="notice notice--warning">{t('reportsScreen.preview.stale')}</p> : null}
          <div className="actions">
            <Button
              className="button button--primary"
              isDisabled={stale || preview.isPlaceholderData}
              data-busy={save.state === 'saving' || undefined}
              onPress={() => {
                const fileName = preview.data?.fileName;
                if (fileName && save.state !== 'saving') void saveReport(fileName);
              }}
            >
              {t('reportsScreen.preview.save')}
            </Button>
            <span role="status" className="busy-text">
              {save.state === 'saving' ? t('reportsScreen.preview.saving') : null}
            </span>
          </div>
          <FormStatus>{savedText}</FormStatus>
          {save.state === 'idle' ? <p className="field-description">{t('reportsScreen.preview.notSavedYet')}</p> : null}
        </>
      ) : null}
    </section>
  );
}
