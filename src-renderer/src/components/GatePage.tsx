/** The quiet full-page layout for everything before the app itself: first run, unlock, welcome notes. */
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';

export function GatePage({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="gate">
      <header className="gate-brand">
        <p className="brand">{t('app.name')}</p>
        <p className="gate-tagline">{t('app.tagline')}</p>
      </header>
      <main className="gate-main">{children}</main>
    </div>
  );
}

/** One step of a gate: a card with its heading and an optional introduction. */
export function GateCard({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  const titleId = useId();
  return (
    <section className="card stack" aria-labelledby={titleId}>
      <h1 id={titleId} className="card-title">
        {title}
      </h1>
      {intro ? <p>{intro}</p> : null}
      {children}
    </section>
  );
}
