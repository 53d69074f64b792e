/**
 * Choosing one student: a search box (name or student number) and the matches as radio buttons,
 * so the keyboard moves through them with the arrow keys and a screen reader hears each one.
 * The chosen student stays listed first even when the search no longer finds them.
 */
import { useId, useState } from 'react';
import { Input, Label, SearchField, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api-client/react';
import { useDebouncedValue } from '../students/use-debounced-value';

const SHOWN = 8;

export interface PickedStudent {
  id: string;
  /** "Name · number · school", as listed. */
  label: string;
}

export interface StudentPickerProps {
  value: PickedStudent | null;
  onChange: (student: PickedStudent | null) => void;
  /** Offer "All students" first (a filter rather than a choice). */
  allowAll?: boolean;
}

export function StudentPicker({ value, onChange, allowAll = false }: StudentPickerProps) {
  const { t } = useTranslation();
  const name = useId();
  const [search, setSearch] = useState('');
  const query = useDebouncedValue(search.trim(), 250);
  const list = useApiQuery('students.list', { query: query || undefined, status: 'active', limit: SHOWN, sort: 'name' });
  const found: PickedStudent[] = (list.data?.rows ?? []).map((row) => ({
    id: row.id,
    label: t('reportsScreen.picker.option', { name: row.displayName, localId: row.localId, school: row.school }),
  }));
  const options = value && !found.some((student) => student.id === value.id) ? [value, ...found] : found;

  return (
    <div className="stack student-picker">
      <SearchField className="field" value={search} onChange={setSearch}>
        <Label className="field-label">{t('reportsScreen.picker.search')}</Label>
        <Input className="field-input" autoComplete="off" spellCheck={false} />
        <Text slot="description" className="field-description">
          {t('reportsScreen.picker.searchHint')}
        </Text>
      </SearchField>
      <fieldset className="radio-choices student-picker-choices">
        <legend className="field-label">{t('reportsScreen.picker.legend')}</legend>
        {allowAll ? (
          <label>
            <input type="radio" name={name} checked={value === null} onChange={() => onChange(null)} />
            {t('reportsScreen.picker.allStudents')}
          </label>
        ) : null}
        {options.map((student) => (
          <label key={student.id}>
            <input type="radio" name={name} checked={value?.id === student.id} onChange={() => onChange(student)} />
            {student.label}
          </label>
        ))}
        {list.isPending ? <p role="status">{t('reportsScreen.picker.loading')}</p> : null}
        {list.data && found.length === 0 ? <p>{t('reportsScreen.picker.none')}</p> : null}
        {list.data && list.data.total > SHOWN ? (
          <p className="field-description">{t('reportsScreen.picker.more', { count: SHOWN })}</p>
        ) : null}
      </fieldset>
    </div>
  );
}
