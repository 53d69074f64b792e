/**
 * The staff list, read once and shared: names for case managers and plan teams (archived staff too,
 * since old records still name them) and the current staff to choose from.
 */
import type { StaffMember } from '../../../../src-main/contract';
import { useApiQuery } from '../../api-client/react';
import type { SelectOption } from '../../components/SelectField';

export function useStaff() {
  const query = useApiQuery('staff.list', { includeArchived: true }, { staleTime: 60_000 });
  const all: StaffMember[] = query.data ?? [];
  const current = all.filter((member) => !member.archived).sort((a, b) => a.name.localeCompare(b.name));
  const names = new Map(all.map((member) => [member.id, member.name]));
  return {
    query,
    current,
    nameOf: (id: string | null | undefined): string | null => (id ? (names.get(id) ?? null) : null),
    options: current.map((member): SelectOption => ({ value: member.id, label: member.name })),
  };
}
