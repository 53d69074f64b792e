/** The caseload's name search and its two checkboxes: only students with a goal at risk, only those with flags. */
import { Button, Input, Label, SearchField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type ViewState, withFilter } from './caseload-view';

export function CaseloadFilters({ state, onChange }: { state: ViewState; onChange: (state: ViewState) => void }) {
  const { t } = useTranslation();
  const set = (change: Parameters<typeof withFilter>[1]) => onChange(withFilter(state, change));
  return (
    <search aria-label={t('caseload.filters.label')} className="filters caseload-filters">
      <SearchField className="field" value={state.search} onChange={(search) => set({ search })}>
        <Label className="field-label">{t('caseload.filters.search')}</Label>
        <div className="search-box">
          <Input className="field-input" autoComplete="off" spellCheck={false} />
          {state.search ? (
            <Button className="search-clear" aria-label={t('caseload.filters.clearSearch')}>
              ×
            </Button>
          ) : null}
        </div>
      </SearchField>
      <div className="caseload-checks">
        <label className="checkbox-field">
          <input type="checkbox" checked={state.onlyAtRisk} onChange={(event) => set({ onlyAtRisk: event.target.checked })} />
          {t('caseload.filters.atRisk')}
        </label>
        <label className="checkbox-field">
          <input type="checkbox" checked={state.onlyFlagged} onChange={(event) => set({ onlyFlagged: event.target.checked })} />
          {t('caseload.filters.flagged')}
        </label>
      </div>
    </search>
  );
}
