/**
 * A mentor's letter of recognition, for their portfolio: service hours (held sessions' minutes,
 * from services/progress/service-hours.ts), the roles served, training completed, recognition
 * received, and dates — and no student they supported: the view holds no student field, and the
 * recognition notes the team typed have every student's name and number replaced (letter.ts in
 * services/reports gathers it). Pure: the view in, the PDF out.
 */
import { gradeLevel, longDate, number } from './i18n/format';
import { reportText } from './i18n/index';
import type { MentorLetterView, RenderedReport } from './model';
import { MUTED, ReportDocument } from './pdf/document';
import { loadFonts } from './pdf/fonts';
import { bullets, heading, paragraph } from './pdf/layout';
import { roleName } from './wording';

export async function renderMentorLetter(view: MentorLetterView, language = 'en'): Promise<RenderedReport> {
  const text = reportText(language);
  const mentor = view.mentor.name;
  const rd = new ReportDocument({
    fonts: await loadFonts(),
    letterhead: view.letterhead,
    language,
    title: text.t('letter.documentTitle', { mentor }),
    subject: text.t('letter.subject'),
    preparedOn: view.preparedOn,
    inputs: view,
    footerNote: text.t('letter.footer', { date: longDate(text, view.preparedOn) }),
    // A letter for a portfolio is meant to be shown: no "Confidential — student education record" line.
    pageOf: (page, pages) => text.t('common.pageOf', { page, pages }),
  });
  rd.letterhead(text.t('letter.heading'), longDate(text, view.preparedOn), rd.root);
  const body = { size: 10.5, after: 8, lineGap: 2.5 };
  paragraph(rd, rd.root, text.t('letter.salutation'), body);
  paragraph(
    rd,
    rd.root,
    text.t('letter.opening', { mentor, grade: gradeLevel(text, view.mentor.grade), school: view.mentor.school }),
    body,
  );
  const { hours } = view;
  paragraph(
    rd,
    rd.root,
    hours.heldSessions > 0 && hours.firstDate && hours.lastDate
      ? text.t('letter.served', {
          mentor,
          from: longDate(text, hours.firstDate),
          to: longDate(text, hours.lastDate),
          hours: number(text, hours.hours),
          sessions: hours.heldSessions,
        })
      : text.t('letter.servedNone', { mentor }),
    body,
  );
  if (view.roles.length) {
    heading(rd, rd.root, text.t('letter.rolesHeading'), 3);
    bullets(
      rd,
      rd.root,
      view.roles.map((role) =>
        text.t('letter.roleLine', { role: roleName(text, role.role), hours: number(text, role.hours), sessions: role.heldSessions }),
      ),
      { size: 10 },
    );
  }
  heading(rd, rd.root, text.t('letter.trainingHeading'), 3);
  if (view.training.length === 0) paragraph(rd, rd.root, text.t('letter.noTraining'), { size: 10 });
  else {
    bullets(
      rd,
      rd.root,
      view.training.map((record) =>
        text.t('letter.trainingLine', { module: text.t(`letter.module.${record.module}`), date: longDate(text, record.completedOn) }),
      ),
      { size: 10 },
    );
  }
  if (view.recognition.length) {
    heading(rd, rd.root, text.t('letter.recognitionHeading'), 3);
    bullets(
      rd,
      rd.root,
      view.recognition.map((entry) => `${longDate(text, entry.date)}: ${entry.description}`),
      { size: 10 },
    );
  }
  rd.doc.y += 6;
  paragraph(rd, rd.root, text.t('letter.closing', { mentor }), body);
  rd.keepTogether(60);
  paragraph(rd, rd.root, text.t('letter.signOff'), { ...body, after: 26 });
  if (view.signedBy) paragraph(rd, rd.root, text.t('letter.signature', { name: view.signedBy }), { size: 10.5, bold: true, after: 1 });
  if (view.signerTitle) paragraph(rd, rd.root, view.signerTitle, { size: 10, after: 1 });
  paragraph(rd, rd.root, view.letterhead.schoolName, { size: 10, color: MUTED, after: view.signerContact ? 1 : 4 });
  if (view.signerContact) paragraph(rd, rd.root, view.signerContact, { size: 10, color: MUTED });
  return rd.finish();
}
