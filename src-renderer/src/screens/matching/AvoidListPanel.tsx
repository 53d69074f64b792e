/**
 * The avoid list: pairs staff know must not be matched, each with a reason kept private to staff
 * (shown here only: never in suggestions, reports or the audit trail). Matching never suggests
 * such a pair, and a manual choice of one is refused.
 */

import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { queryKey, useApiMutation, useApiQuery } from '../../api-client/react';
import { routeHref } from '../../app/hash-route';
import { useDateFormat } from '../../components/dates';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { Panel } from '../../components/Panel';
import { SelectField } from '../../components/SelectField';
import { SubmitButton } from '../../components/SubmitButton';
import { useServiceError } from '../../components/service-error';
import { TextInputField } from '../../components/TextInputField';
import { mentorName } from '../mentors/mentor-names';
import { type PickedStudent, StudentPicker } from '../reports/StudentPicker';

export function AvoidListPanel() {
  const { t } = useTranslation();
  const describe = useServiceError();
  const formatDate = useDateFormat();
  const client = useQueryClient();
  const captionId = useId();
  const list = useApiQuery('matching.avoid.list', {});
  const [notice, setNotice] = useState<string | null>(null);
  const reread = () => client.invalidateQueries({ queryKey: queryKey('matching.avoid.list', {}) });
  const remove = useApiMutation('matching.avoid.remove', {
    onSuccess: async () => {
      setNotice(t('matching.avoid.removed'));
      await reread();
    },
  });
  const rows = list.data ?? [];

  return (
    <Panel title={t('matching.avoid.title')} intro={t('matching.avoid.intro')}>
      <FormAlert id={`${captionId}-alert`}>
        {list.isError ? describe(list.error) : remove.isError ? describe(remove.error) : null}
      </FormAlert>
      {list.data && rows.length === 0 ? <p>{t('matching.avoid.none')}</p> : null}
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table" aria-labelledby={captionId}>
            <caption id={captionId} className="visually-hidden">
              {t('matching.avoid.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('matching.avoid.mentor')}</th>
                <th scope="col">{t('matching.avoid.student')}</th>
                <th scope="col">{t('matching.avoid.reason')}</th>
                <th scope="col">{t('matching.avoid.added')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('matching.avoid.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((pair) => (
                <tr key={pair.id}>
                  <th scope="row">
                    <a href={routeHref('mentors', pair.mentorId)}>{pair.mentorName}</a>
                  </th>
                  <td>
                    <a href={routeHref('students', pair.studentId)}>{pair.studentName}</a>
                  </td>
                  <td>{pair.reason}</td>
                  <td>{formatDate(pair.createdAt.slice(0, 10))}</td>
                  <td>
                    <Button
                      className="button button--secondary"
                      onPress={() => {
                        if (remove.isPending) return;
                        setNotice(null);
                        remove.mutate({ id: pair.id });
                      }}
                    >
                      {t('matching.avoid.remove')}
                      <span className="visually-hidden">
                        {' '}
                        {t('matching.avoid.pair', { mentor: pair.mentorName, student: pair.studentName })}
                      </span>
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <FormStatus>{notice}</FormStatus>
      <AddAvoidPair
        onAdded={async (text) => {
          setNotice(text);
          await reread();
        }}
      />
    </Panel>
  );
}

function AddAvoidPair({ onAdded }: { onAdded: (notice: string) => Promise<void> }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const titleId = useId();
  const alertId = useId();
  const mentors = useApiQuery('mentors.list', { includeArchived: false });
  const [mentorId, setMentorId] = useState('');
  const [student, setStudent] = useState<PickedStudent | null>(null);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const add = useApiMutation('matching.avoid.add', {
    onSuccess: async (pair) => {
      setMentorId('');
      setStudent(null);
      setReason('');
      setTried(false);
      await onAdded(t('matching.avoid.addedPair', { mentor: pair.mentorName, student: pair.studentName }));
    },
  });
  const studentMissing = tried && student === null;

  return (
    <Form
      className="stack subform"
      aria-labelledby={titleId}
      onSubmit={(event) => {
        event.preventDefault();
        setTried(true);
        if (student && mentorId && reason.trim() && !add.isPending) add.mutate({ mentorId, studentId: student.id, reason: reason.trim() });
      }}
    >
      <h3 id={titleId} className="subform-title">
        {t('matching.avoid.addTitle')}
      </h3>
      <SelectField
        label={t('matching.avoid.mentor')}
        name="avoid-mentor"
        emptyOption={t('matching.override.mentorPlaceholder')}
        isRequired
        value={mentorId}
        options={(mentors.data ?? []).map((mentor) => ({ value: mentor.id, label: mentorName(mentor) }))}
        onChange={(value) => {
          setMentorId(value);
          add.reset();
        }}
        customError={mentorId ? null : t('matching.override.mentorRequired')}
      />
      <StudentPicker
        value={student}
        onChange={(picked) => {
          setStudent(picked);
          add.reset();
        }}
      />
      {studentMissing ? (
        <p className="field-error" role="alert">
          {t('matching.avoid.studentRequired')}
        </p>
      ) : null}
      <TextInputField
        label={t('matching.avoid.reasonLabel')}
        name="avoid-reason"
        isRequired
        maxLength={200}
        value={reason}
        onChange={(value) => {
          setReason(value);
          add.reset();
        }}
        description={t('matching.avoid.reasonHelp')}
      />
      <FormAlert id={alertId}>{add.isError ? describe(add.error) : null}</FormAlert>
      <div className="actions">
        <SubmitButton pending={add.isPending}>{t('matching.avoid.submit')}</SubmitButton>
      </div>
    </Form>
  );
}
