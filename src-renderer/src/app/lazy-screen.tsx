/**
 * Screens loaded on first visit, so the first paint (unlock, the students list) does not wait for
 * every screen's code. `lazyScreen(() => import('./X'), 'X')` keeps the screens' named exports;
 * `ScreenLoading` is what shows for the moment a screen's code is on its way.
 */
import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

export function lazyScreen<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType<M[K] extends ComponentType<infer P> ? P : never> }));
}

export function ScreenLoading({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <p className="page" role="status">
          {t('app.working')}
        </p>
      }
    >
      {children}
    </Suspense>
  );
}
