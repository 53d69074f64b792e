/**
 * Settings: how much each soft score counts when Peerpath matches mentors (0 = ignored, 10 = counts
 * most), each with what it means; Save, and Reset to the defaults. Hard rules are not weights: they
 * are never broken, so they are not here.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { DEFAULT_MATCHING_WEIGHTS, type MatchingWeights, SCORE_PARTS, type ScorePart } from '../../../../src-main/contract';
import { queryKey, useApiMutation, useApiQuery } from '../../api-client/react';
import { routeHref } from '../../app/hash-route';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { SubmitButton } from '../../components/SubmitButton';
import { useServiceError } from '../../components/service-error';
import { SettingsSection } from '../settings/SettingsSection';
import { changedWeights } from './run-decisions';

export function WeightsSection() {
  const { t } = useTranslation();
  const describe = useServiceError();
  const client = useQueryClient();
  const alertId = useId();
  const saved = useApiQuery('matching.weights.get', {});
  const [edited, setEdited] = useState<MatchingWeights | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const save = useApiMutation('matching.weights.update', {
    onSuccess: (weights) => {
      client.setQueryData(queryKey('matching.weights.get', {}), weights);
      setEdited(null);
    },
  });
  const weights = edited ?? saved.data;
  const change = (part: ScorePart, value: number) => {
    if (!weights) return;
    setEdited({ ...weights, [part]: value });
    setStatus(null);
    save.reset();
  };

  return (
    <SettingsSection title={t('matching.weights.title')} intro={t('matching.weights.intro')}>
      <Form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          if (weights && saved.data && !save.isPending) {
            save.mutate(changedWeights(saved.data, weights), { onSuccess: () => setStatus(t('settings.saved')) });
          }
        }}
      >
        {weights ? (
          <div className="weight-list">
            {SCORE_PARTS.map((part) => (
              <WeightSlider key={part} part={part} value={weights[part]} onChange={(value) => change(part, value)} />
            ))}
          </div>
        ) : (
          <p role="status">{t('app.working')}</p>
        )}
        <FormAlert id={alertId}>{save.isError ? describe(save.error) : saved.isError ? describe(saved.error) : null}</FormAlert>
        <div className="actions">
          <SubmitButton pending={save.isPending}>{t('matching.weights.submit')}</SubmitButton>
          <Button
            className="button button--secondary"
            isDisabled={!saved.data}
            onPress={() => {
              if (save.isPending) return;
              setStatus(null);
              save.mutate({ ...DEFAULT_MATCHING_WEIGHTS }, { onSuccess: () => setStatus(t('matching.weights.resetDone')) });
            }}
          >
            {t('matching.weights.reset')}
          </Button>
          <FormStatus>{status}</FormStatus>
        </div>
        <p>
          <a href={routeHref('mentors', 'matching')}>{t('matching.weights.toMatching')}</a>
        </p>
      </Form>
    </SettingsSection>
  );
}

function WeightSlider({ part, value, onChange }: { part: ScorePart; value: number; onChange: (value: number) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="weight">
      <label className="field-label" htmlFor={id}>
        {t(`matching.weights.parts.${part}.label`)}
      </label>
      <p id={`${id}-help`} className="field-description">
        {t(`matching.weights.parts.${part}.help`)}
      </p>
      <div className="weight-control">
        <input
          id={id}
          type="range"
          min={0}
          max={10}
          step={1}
          value={value}
          aria-describedby={`${id}-help`}
          aria-valuetext={t('matching.weights.valueText', { count: value })}
          onChange={(event) => onChange(Number(event.target.value))}
        />
        <output htmlFor={id} className="weight-value" aria-hidden="true">
          {value}
        </output>
      </div>
    </div>
  );
}
