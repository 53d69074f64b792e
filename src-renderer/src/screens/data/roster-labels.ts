/** Names of roster kinds and of the fields a roster file can fill in, as the import screen shows them. */
import { useTranslation } from 'react-i18next';
import type { RosterField, RosterKind } from '../../../../src-main/contract';

// The contract's lists are values; the renderer imports types only. `satisfies` keeps them in step.
const KINDS = { students: true, mentors: true, staff: true } satisfies Record<RosterKind, true>;
export const ROSTER_KINDS = Object.keys(KINDS) as RosterKind[];

const FIELDS = {
  localId: true,
  firstName: true,
  lastName: true,
  preferredName: true,
  grade: true,
  school: true,
  dateOfBirth: true,
  guardianName: true,
  guardianRelationship: true,
  guardianPhone: true,
  guardianEmail: true,
  guardianLanguage: true,
  consentGivenOn: true,
  guardianConsentGivenOn: true,
  loadCap: true,
  interests: true,
  name: true,
  role: true,
  email: true,
} satisfies Record<RosterField, true>;

const isRosterField = (field: string): field is RosterField => Object.hasOwn(FIELDS, field);

export function useFieldLabel(kind: RosterKind): (field: string) => string {
  const { t } = useTranslation();
  return (field) => {
    if (kind === 'staff' && field === 'localId') return t('data.fields.staffLocalId');
    return isRosterField(field) ? t(`data.fields.${field}`) : field;
  };
}
