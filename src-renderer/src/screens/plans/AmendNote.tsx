/**
 * Why an active plan offers no "Add" or "Edit" for its goals and peer supports, and the way that
 * works: amending makes a new draft version, where they are written (the same words the service
 * answers with when a change reaches it anyway).
 */
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../../src-main/contract';
import { useApiMutation } from '../../api-client/react';
import { navigate } from '../../app/hash-route';
import { FormAlert } from '../../components/FormAlert';
import { useServiceError } from '../../components/service-error';
import { useRefreshPlans } from './plan-cache';

export function AmendNote({ plan, entity }: { plan: Plan; entity: 'goal' | 'accommodation' }) {
  const { t } = useTranslation();
  const refresh = useRefreshPlans();
  const describe = useServiceError();
  const amend = useApiMutation('plans.amend', {
    onSuccess: async (draft) => {
      await refresh();
      navigate('students', plan.studentId, 'plans', draft.plan.id);
    },
  });
  return (
    <div className="stack amend-note">
      <p className="muted">{t(entity === 'goal' ? 'removals.activeGoals' : 'removals.activeSupports')}</p>
      <FormAlert id={`amend-${plan.id}-${entity}`}>{amend.isError ? describe(amend.error) : null}</FormAlert>
      <div className="actions">
        <Button className="button button--secondary" onPress={() => amend.isPending || amend.mutate({ id: plan.id })}>
          {t('removals.amend')}
        </Button>
        <span role="status" className="busy-text">
          {amend.isPending ? t('app.working') : null}
        </span>
      </div>
    </div>
  );
}
