/** Grades as schools say them: pre-K (-1), kindergarten (0), 1–12, and the transition program (13). */
import { useTranslation } from 'react-i18next';

export const GRADES = Array.from({ length: 15 }, (_, index) => index - 1);

export function useGradeLabel(): (grade: number) => string {
  const { t } = useTranslation();
  return (grade) => {
    if (grade === -1) return t('mentors.grades.preK');
    if (grade === 0) return t('mentors.grades.kindergarten');
    if (grade === 13) return t('mentors.grades.transition');
    return t('mentors.grades.numbered', { grade });
  };
}
