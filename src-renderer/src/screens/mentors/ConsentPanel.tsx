/**
 * The mentor's voluntary consent and their guardian's, with dates. Participation is voluntary:
 * withdrawing either consent ends every active assignment today, so the dialog says how many first
 * and the page says how many ended afterwards. Consent given anew is entered with Edit.
 */
import { useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Mentor } from '../../../../src-main/contract';
import { useApiMutation } from '../../api-client/react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { todayIso, useDateFormat } from '../../components/dates';
import { FormAlert, FormStatus } from '../../components/FormAlert';
import { focusSoon } from '../../components/focus-soon';
import { Panel } from '../../components/Panel';
import { useServiceError } from '../../components/service-error';
import { useRefreshMentorData } from './mentor-cache';
import { mentorName } from './mentor-names';
import { type ConsentState, consentState } from './mentor-status';

type Who = 'mentor' | 'guardian';
const WHO: readonly Who[] = ['mentor', 'guardian'];

function datesOf(mentor: Mentor, who: Who) {
  return who === 'mentor'
    ? { givenOn: mentor.consentGivenOn, withdrawnOn: mentor.consentWithdrawnOn }
    : { givenOn: mentor.guardianConsentGivenOn, withdrawnOn: mentor.guardianConsentWithdrawnOn };
}

export function ConsentPanel({ mentor }: { mentor: Mentor }) {
  const { t } = useTranslation();
  const describe = useServiceError();
  const refresh = useRefreshMentorData();
  const name = mentorName(mentor);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [withdrawing, setWithdrawing] = useState<Who | null>(null);
  const withdraw = useApiMutation('mentors.withdrawConsent', {
    onSuccess: async () => {
      await refresh();
      setWithdrawing(null);
      // The Withdraw button is gone now; the panel's heading leads to what changed.
      focusSoon(() => headingRef.current);
    },
  });

  return (
    <Panel title={t('mentors.consent.title')} intro={t('mentors.consent.intro')} headingRef={headingRef}>
      <dl className="facts">
        {WHO.map((who) => (
          <ConsentFact
            key={who}
            who={who}
            {...datesOf(mentor, who)}
            onWithdraw={() => {
              withdraw.reset();
              setWithdrawing(who);
            }}
          />
        ))}
      </dl>
      <FormAlert id={`consent-alert-${mentor.id}`}>{withdraw.isError ? describe(withdraw.error) : null}</FormAlert>
      <FormStatus>{withdraw.isSuccess ? t('mentors.consent.withdrawn', { count: withdraw.data.endedAssignments }) : null}</FormStatus>
      <ConfirmDialog
        isOpen={withdrawing !== null}
        title={t(`mentors.consent.confirmTitle.${withdrawing ?? 'mentor'}`, { name })}
        text={
          mentor.activeAssignments > 0
            ? t('mentors.consent.confirmEnds', { name, count: mentor.activeAssignments })
            : t('mentors.consent.confirmNoAssignments', { name })
        }
        confirmLabel={t('mentors.consent.confirm')}
        isWorking={withdraw.isPending}
        onCancel={() => setWithdrawing(null)}
        onConfirm={() => withdrawing && withdraw.mutate({ id: mentor.id, who: withdrawing, on: todayIso() })}
      />
    </Panel>
  );
}

function ConsentFact({
  who,
  givenOn,
  withdrawnOn,
  onWithdraw,
}: {
  who: Who;
  givenOn: string | null;
  withdrawnOn: string | null;
  onWithdraw: () => void;
}) {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  const state: ConsentState = consentState(givenOn, withdrawnOn, todayIso());
  return (
    <div className="fact">
      <dt>{t(`mentors.consent.kind.${who}`)}</dt>
      <dd className="fact-value">
        <span>
          {state === 'withdrawn' && withdrawnOn
            ? t('mentors.consent.withdrawnOn', { date: formatDate(withdrawnOn) })
            : givenOn
              ? t('mentors.consent.givenOn', { date: formatDate(givenOn) })
              : t('mentors.consent.none')}{' '}
          <span className={state === 'current' ? 'tag tag--ok' : 'tag tag--warn'}>{t(`mentors.consent.state.${state}`)}</span>
        </span>
        {state === 'current' ? (
          <Button className="button button--secondary" onPress={onWithdraw}>
            {t(`mentors.consent.withdraw.${who}`)}
          </Button>
        ) : null}
      </dd>
    </div>
  );
}
