/** The students list's search box and filters; every change starts again from the first page. */
import { useId } from 'react';
import { Button, Input, Label, SearchField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/SelectField';
import { TextInputField } from '../../components/TextInputField';
import { useGradeOptions } from './grades';
import { type ListState, type StatusFilter, withFilter } from './list-state';
import { useStaff } from './use-staff';

const STATUSES: readonly StatusFilter[] = ['active', 'archived', 'no_longer_needed'];

export interface StudentFiltersProps {
  state: ListState;
  schools: readonly string[];
  onChange: (state: ListState) => void;
}

export function StudentFilters({ state, schools, onChange }: StudentFiltersProps) {
  const { t } = useTranslation();
  const staff = useStaff();
  const gradeOptions = useGradeOptions();
  const schoolListId = useId();
  const set = (change: Parameters<typeof withFilter>[1]) => onChange(withFilter(state, change));

  return (
    <search aria-label={t('students.filters.label')} className="filters">
      <SearchField className="field filters-search" value={state.search} onChange={(search) => set({ search })}>
        <Label className="field-label">{t('students.filters.search')}</Label>
        <div className="search-box">
          <Input className="field-input" autoComplete="off" spellCheck={false} />
          {state.search ? (
            <Button className="search-clear" aria-label={t('students.filters.clearSearch')}>
              ×
            </Button>
          ) : null}
        </div>
      </SearchField>
      <SelectField
        label={t('students.filters.caseManager')}
        emptyOption={t('students.filters.anyCaseManager')}
        options={staff.options}
        value={state.caseManagerId}
        onChange={(caseManagerId) => set({ caseManagerId })}
      />
      <TextInputField
        label={t('students.filters.school')}
        list={schoolListId}
        autoComplete="off"
        value={state.school}
        onChange={(school) => set({ school })}
      />
      <datalist id={schoolListId}>
        {schools.map((school) => (
          <option key={school} value={school} />
        ))}
      </datalist>
      <SelectField
        label={t('students.filters.grade')}
        emptyOption={t('students.filters.anyGrade')}
        options={gradeOptions}
        value={state.grade}
        onChange={(grade) => set({ grade })}
      />
      <SelectField
        label={t('students.filters.planType')}
        emptyOption={t('students.filters.anyPlan')}
        options={[
          { value: 'iep', label: t('plans.types.iep') },
          { value: '504', label: t('plans.types.504') },
        ]}
        value={state.planType}
        onChange={(planType) => set({ planType: planType === 'iep' || planType === '504' ? planType : '' })}
      />
      <SelectField
        label={t('students.filters.status')}
        options={STATUSES.map((status) => ({ value: status, label: t(`students.filters.statuses.${status}`) }))}
        value={state.status}
        onChange={(status) => set({ status: STATUSES.find((known) => known === status) ?? 'active' })}
      />
    </search>
  );
}
