/**
 * The team section; `params` are the route segments after `#/team`: [] the staff, ['audit'] the
 * audit trail. Both are about who does what in the vault, so they share one section with two tabs.
 */
import { useCan } from '../../components/permissions';
import { AuditTrailPage } from './AuditTrailPage';
import { StaffPage } from './StaffPage';

export function TeamSection({ params }: { params: string[] }) {
  const may = useCan();
  return params[0] === 'audit' && may('audit.read') ? <AuditTrailPage /> : <StaffPage />;
}
