/** The plan's peer-support accommodations, and adding one. */
import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '../../../../src-main/contract';
import { todayIso } from '../../components/dates';
import { useCan } from '../../components/permissions';
import { AccommodationCard } from './AccommodationCard';
import { AccommodationForm } from './AccommodationForm';
import { AmendNote } from './AmendNote';
import { newAccommodationDraft } from './accommodation-draft';
import { PlanListSection } from './PlanListSection';

export function AccommodationsSection({ detail }: { detail: PlanDetail }) {
  const { t } = useTranslation();
  const mayManage = useCan()('plans.manage');
  const { plan } = detail;
  return (
    <PlanListSection
      title={t('accommodations.title', { count: detail.accommodations.length })}
      addLabel={t('accommodations.add')}
      addTitle={t('accommodations.form.addTitle')}
      emptyText={t('accommodations.none')}
      doneText={t('accommodations.form.done')}
      readOnly={plan.readOnly || !mayManage}
      lockedNote={plan.status === 'active' && mayManage ? <AmendNote plan={plan} entity="accommodation" /> : undefined}
      cards={detail.accommodations.map((accommodation) => (
        <AccommodationCard key={accommodation.id} accommodation={accommodation} detail={detail} />
      ))}
      renderForm={(onDone) => <AccommodationForm detail={detail} initial={newAccommodationDraft(plan, todayIso())} onDone={onDone} />}
    />
  );
}
