/** One titled block of a page, announced as a region named by its heading. */
import { type ReactNode, type Ref, useId } from 'react';

export interface PanelProps {
  title: string;
  intro?: ReactNode;
  actions?: ReactNode;
  /** For panels that put focus on their heading after an action removes the control that had it. */
  headingRef?: Ref<HTMLHeadingElement>;
  children: ReactNode;
}

export function Panel({ title, intro, actions, headingRef, children }: PanelProps) {
  const titleId = useId();
  return (
    <section className="panel stack" aria-labelledby={titleId}>
      <div className="panel-header">
        <h2 id={titleId} ref={headingRef} tabIndex={headingRef ? -1 : undefined} className="panel-title">
          {title}
        </h2>
        {actions}
      </div>
      {intro ? <p>{intro}</p> : null}
      {children}
    </section>
  );
}
