/** Whose caseload to show: mine, another staff member's, or the whole program. Choosing one changes the URL. */
import { useTranslation } from 'react-i18next';
import type { CaseloadScope } from '../../../../src-main/contract';
import { SelectField } from '../../components/SelectField';
import { useStaff } from '../students/use-staff';
import { scopeHref, scopeOfValue, scopeValue } from './caseload-route';

export interface ScopePickerProps {
  scope: CaseloadScope;
  /** The acting user's staff record, once the service has said which it is. */
  actingStaffId: string | null;
  /** The name of the case manager shown, for one no longer in the staff list (archived). */
  caseManagerName: string | null;
}

export function ScopePicker({ scope, actingStaffId, caseManagerName }: ScopePickerProps) {
  const { t } = useTranslation();
  const staff = useStaff();
  const myName = staff.nameOf(actingStaffId);
  const others = staff.options.filter((option) => option.value !== actingStaffId);
  const value = scope.kind === 'case_manager' && scope.caseManagerId === actingStaffId ? 'mine' : scopeValue(scope);
  const missing = scope.kind === 'case_manager' && value !== 'mine' && !others.some((option) => option.value === value);
  return (
    <SelectField
      label={t('caseload.scope.label')}
      value={value}
      options={[
        { value: 'mine', label: myName ? t('caseload.scope.mine', { name: myName }) : t('caseload.scope.mineUnknown') },
        ...others,
        ...(missing ? [{ value, label: caseManagerName ?? staff.nameOf(value) ?? value }] : []),
        { value: 'program', label: t('caseload.scope.program') },
      ]}
      onChange={(chosen) => {
        window.location.hash = scopeHref(scopeOfValue(chosen));
      }}
    />
  );
}
