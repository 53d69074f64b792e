/** One peer-support accommodation: where, when and how much, the goals it serves, and its mentors. */
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Accommodation, PlanDetail, Slot } from '../../../../src-main/contract';
import { useApi } from '../../api-client/react';
import { useDateFormat } from '../../components/dates';
import { Fact } from '../../components/Fact';
import { useCan } from '../../components/permissions';
import { AccommodationMentors } from '../mentors/AccommodationMentors';
import { FidelitySummary } from '../progress/FidelitySummary';
import { SessionLog } from '../progress/SessionLog';
import { AccommodationForm } from './AccommodationForm';
import { accommodationDraftFrom } from './accommodation-draft';
import { LinkChecklist } from './LinkChecklist';
import { useRefreshPlans } from './plan-cache';
import { useAccommodationName, useGoalChoiceLabel } from './plan-labels';
import { RemovalDialog } from './RemovalDialog';
import { useAnnounceRemoval } from './RemovalNotice';
import { accommodationCardId } from './SupportGaps';

export function AccommodationCard({ accommodation, detail }: { accommodation: Accommodation; detail: PlanDetail }) {
  const { t } = useTranslation();
  const may = useCan();
  const mayManage = may('plans.manage');
  const api = useApi();
  const formatDate = useDateFormat();
  const refresh = useRefreshPlans();
  const goalChoiceLabel = useGoalChoiceLabel(detail);
  const accommodationName = useAccommodationName();
  const slotsText = useSlotsText();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const announceRemoval = useAnnounceRemoval();
  const servesNothing = detail.gaps.accommodationsWithoutGoal.includes(accommodation.id);
  const name = accommodationName(accommodation);
  const headingId = accommodationCardId(accommodation.id);

  return (
    <article className={servesNothing ? 'item-card item-card--gap stack' : 'item-card stack'} aria-labelledby={headingId}>
      <div className="item-card-header">
        <h3 id={headingId} tabIndex={-1} className="item-card-title">
          {name}
        </h3>
        {servesNothing ? <span className="tag tag--warn">{t('plans.gaps.accommodationTag')}</span> : null}
      </div>
      {editing ? (
        <AccommodationForm
          detail={detail}
          accommodation={accommodation}
          initial={accommodationDraftFrom(accommodation)}
          onDone={() => setEditing(false)}
        />
      ) : (
        <>
          <dl className="facts">
            <Fact term={t('accommodations.fields.when')}>{slotsText(accommodation.slots)}</Fact>
            <Fact term={t('accommodations.fields.howMuch')}>
              {t('accommodations.howMuch', { count: accommodation.sessionsPerWeek, minutes: accommodation.minutesPerSession })}
            </Fact>
            <Fact term={t('accommodations.fields.mentorsNeeded')}>{accommodation.mentorsNeeded}</Fact>
            <Fact term={t('accommodations.fields.dates')}>
              {t('accommodations.dates', { start: formatDate(accommodation.startDate), end: formatDate(accommodation.endDate) })}
            </Fact>
            {accommodation.notes ? <Fact term={t('accommodations.fields.notes')}>{accommodation.notes}</Fact> : null}
          </dl>
          <LinkChecklist
            legend={t('accommodations.serves', { name })}
            items={detail.goals.map((goal) => ({ id: goal.id, label: goalChoiceLabel(goal) }))}
            saved={accommodation.serves}
            isReadOnly={detail.plan.status !== 'draft' || !mayManage}
            emptyText={t('accommodations.noGoals')}
            save={(goalIds) => api('accommodations.setServes', { id: accommodation.id, goalIds })}
          />
          {detail.plan.readOnly || !mayManage ? null : (
            <div className="actions">
              {detail.plan.status === 'draft' ? (
                <Button
                  className="button button--secondary"
                  aria-label={t('accommodations.editNamed', { name })}
                  onPress={() => setEditing(true)}
                >
                  {t('accommodations.edit')}
                </Button>
              ) : null}
              <Button
                className="button button--quiet"
                aria-label={t('accommodations.deleteNamed', { name })}
                onPress={() => setDeleting(true)}
              >
                {t('accommodations.delete')}
              </Button>
            </div>
          )}
        </>
      )}
      <AccommodationMentors accommodationId={accommodation.id} readOnly={detail.plan.readOnly || !may('mentors.manage')} />
      {detail.plan.status === 'draft' ? null : <SessionLog accommodation={accommodation} detail={detail} />}
      {detail.plan.status === 'draft' ? null : <FidelitySummary accommodation={accommodation} detail={detail} />}
      <RemovalDialog
        plan={detail.plan}
        entity="accommodation"
        id={accommodation.id}
        name={name}
        isOpen={deleting}
        onClose={() => setDeleting(false)}
        onRemoved={async (removal) => {
          await refresh();
          setDeleting(false);
          announceRemoval(removal, name);
        }}
      />
    </article>
  );
}

const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

/** "Period 3: Mon, Wed, Fri; period 6: Tue", grouped by period as a schedule is read. */
function useSlotsText(): (slots: readonly Slot[]) => string {
  const { t } = useTranslation();
  return (slots) => {
    const periods = [...new Set(slots.map((slot) => slot.period))].sort((a, b) => a - b);
    return periods
      .map((period) => {
        const days = WEEK.filter((day) => slots.some((slot) => slot.day === day && slot.period === period));
        return t('accommodations.slotGroup', { period, days: days.map((day) => t(`weekSchedule.shortDays.${day}`)).join(', ') });
      })
      .join('; ');
  };
}
