/**
 * Which column of the file fills which field. Peerpath fills this in from the headers (PowerSchool's
 * "Student_Number", "First Name"…); a wrong or missing match is fixed here and the rows are checked again.
 */
import { useTranslation } from 'react-i18next';
import type { RosterMapping, RosterPreview } from '../../../../src-main/contract';
import { SelectField } from '../../components/SelectField';
import { useFieldLabel } from './roster-labels';

export function RosterMappingStep({
  preview,
  onMappingChange,
}: {
  preview: RosterPreview;
  onMappingChange: (mapping: RosterMapping) => void;
}) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel(preview.kind);
  const options = preview.headers.map((header) => ({ value: header, label: header }));

  function choose(field: string, header: string) {
    const { [field]: _old, ...others } = preview.mapping;
    onMappingChange(header === '' ? others : { ...others, [field]: header });
  }

  return (
    <fieldset className="field-group stack">
      <legend className="subform-title">{t('data.import.mappingTitle')}</legend>
      <p>{t('data.import.mappingIntro')}</p>
      <div className="mapping-grid">
        {preview.fields.map(({ field, required }) => {
          const chosen = preview.mapping[field] ?? '';
          const guessed = chosen !== '' && preview.detectedMapping[field] === chosen;
          return (
            <SelectField
              key={field}
              label={required ? t('data.import.requiredField', { field: fieldLabel(field) }) : fieldLabel(field)}
              name={`mapping-${field}`}
              emptyOption={t('data.import.notInFile')}
              value={chosen}
              options={options}
              onChange={(header) => choose(field, header)}
              description={guessed ? t('data.import.recognised') : undefined}
            />
          );
        })}
      </div>
    </fieldset>
  );
}
