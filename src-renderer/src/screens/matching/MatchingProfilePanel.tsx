/**
 * What matching knows about a person beyond the record: a student's interests and preferred ways of
 * communicating, or the ways a mentor can communicate (a mentor's interests are on the mentor record).
 * Shown on the student's and the mentor's page, where staff look for them.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { COMMUNICATION_MODES, type CommunicationMode, type MatchProfile } from '../../../../src-main/contract';
import { queryKey, useApiMutation, useApiQuery } from '../../api-client/react';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { Panel } from '../../components/Panel';
import { SubmitButton } from '../../components/SubmitButton';
import { useServiceError } from '../../components/service-error';
import { TextInputField } from '../../components/TextInputField';
import { parseInterests } from './run-decisions';

export function MatchingProfilePanel({ kind, id, readOnly = false }: { kind: 'student' | 'mentor'; id: string; readOnly?: boolean }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const profile = useApiQuery('matching.profile.get', { kind, id });
  return (
    <Panel title={t('matching.profile.title')} intro={t(`matching.profile.intro.${kind}`)}>
      {profile.data ? (
        <ProfileForm profile={profile.data} readOnly={readOnly} />
      ) : (
        <p role="status">{profile.isError ? null : t('app.working')}</p>
      )}
      <FormAlert id={`matching-profile-${id}`}>{profile.isError ? describe(profile.error) : null}</FormAlert>
    </Panel>
  );
}

function ProfileForm({ profile, readOnly }: { profile: MatchProfile; readOnly: boolean }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const client = useQueryClient();
  const [interests, setInterests] = useState(profile.interests.join(', '));
  const [modes, setModes] = useState<CommunicationMode[]>(profile.communication);
  const [saved, setSaved] = useState(false);
  const save = useApiMutation('matching.profile.set', {
    onSuccess: (next) => {
      client.setQueryData(queryKey('matching.profile.get', { kind: profile.kind, id: profile.id }), next);
      setSaved(true);
    },
  });
  const touched = () => {
    setSaved(false);
    save.reset();
  };
  const modeLegend = t(`matching.profile.modesLegend.${profile.kind}`);
  const items = COMMUNICATION_MODES.map((mode) => ({ id: mode, label: t(`matching.profile.modes.${mode}`) }));

  return (
    <Form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        if (readOnly || save.isPending) return;
        // Kept in the order the options are listed, whatever order they were ticked in.
        const communication = COMMUNICATION_MODES.filter((mode) => modes.includes(mode));
        save.mutate(
          profile.kind === 'student'
            ? { kind: 'student', id: profile.id, interests: parseInterests(interests), communication }
            : { kind: 'mentor', id: profile.id, communication },
        );
      }}
    >
      {profile.kind === 'student' ? (
        <TextInputField
          label={t('matching.profile.interests')}
          name="profile-interests"
          value={interests}
          isReadOnly={readOnly}
          onChange={(value) => {
            setInterests(value);
            touched();
          }}
          description={t('matching.profile.interestsHelp')}
        />
      ) : (
        <p>
          <strong>{t('matching.profile.mentorInterests')}</strong>{' '}
          {profile.interests.length > 0 ? profile.interests.join(', ') : t('matching.profile.noInterests')}
        </p>
      )}
      <CheckboxGroup
        legend={modeLegend}
        items={items}
        selected={modes}
        isDisabled={readOnly}
        onChange={(next) => {
          setModes(next as CommunicationMode[]);
          touched();
        }}
      />
      <FormAlert id={`matching-profile-save-${profile.id}`}>{save.isError ? describe(save.error) : null}</FormAlert>
      {readOnly ? null : (
        <div className="actions">
          <SubmitButton pending={save.isPending}>{t('matching.profile.submit')}</SubmitButton>
          <FormStatus>{saved ? t('settings.saved') : null}</FormStatus>
        </div>
      )}
    </Form>
  );
}
