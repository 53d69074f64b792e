/** The program-health list: every flag of the scope once, grouped by kind, each with what to do and a link. */
import { useTranslation } from 'react-i18next';
import type { HealthFlagView, HealthKind } from '../../../../src-main/contract';
import { Panel } from '../../components/Panel';
import { FlagList } from './FlagList';

// The contract's list is a value; the renderer imports types only. `satisfies` keeps the two in step.
const KIND_ORDER = {
  service: 1,
  reviews: 2,
  progress_reports: 3,
  consent: 4,
  one_sided: 5,
  burnout: 6,
  training: 7,
} satisfies Record<HealthKind, number>;
const KINDS = Object.keys(KIND_ORDER) as HealthKind[];

export function HealthList({ flags }: { flags: readonly HealthFlagView[] }) {
  const { t } = useTranslation();
  const groups = KINDS.map((kind) => ({ kind, flags: flags.filter((flag) => flag.kind === kind) })).filter(
    (group) => group.flags.length > 0,
  );
  return (
    <Panel title={t('health.title')} intro={t('health.intro')}>
      {groups.length === 0 ? <p className="empty-state">{t('health.none')}</p> : null}
      {groups.map((group) => (
        <section key={group.kind} className="health-group stack" aria-labelledby={`health-${group.kind}`}>
          <h3 id={`health-${group.kind}`} className="health-group-title">
            {t(`health.kinds.${group.kind}`)} <span className="muted">({group.flags.length})</span>
          </h3>
          <FlagList flags={group.flags} />
        </section>
      ))}
    </Panel>
  );
}
