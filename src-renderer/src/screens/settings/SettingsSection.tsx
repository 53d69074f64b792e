/** One titled block of the settings page, announced as a region named by its heading. */
import { type ReactNode, useId } from 'react';

export function SettingsSection({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  const titleId = useId();
  return (
    <section className="panel stack" aria-labelledby={titleId}>
      <h2 id={titleId} className="panel-title">
        {title}
      </h2>
      {intro ? <p>{intro}</p> : null}
      {children}
    </section>
  );
}
