/**
 * A team member's role. A native select: it is fully keyboard and screen-reader accessible as is,
 * and a role always has a value, so it needs none of a custom listbox's validation.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffRole } from '../../../src-main/contract';

// The renderer may import the contract's types only, so the roles are listed here; `satisfies`
// makes the compiler refuse a list that misses or invents a role.
const ROLE_ORDER = {
  case_manager: true,
  special_education_teacher: true,
  general_education_teacher: true,
  paraprofessional: true,
  counselor: true,
  administrator: true,
  it_staff: true,
} satisfies Record<StaffRole, true>;
const ROLES = Object.keys(ROLE_ORDER) as StaffRole[];

export function RoleSelect({ label, value, onChange }: { label: string; value: StaffRole; onChange: (role: StaffRole) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="field-input field-select"
        value={value}
        onChange={(event) => onChange(ROLES.find((role) => role === event.target.value) ?? value)}
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`roles.${role}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
