/** Grades as the contract stores them (-1 pre-K, 0 kindergarten, 1–12, 13 transition program) and as people say them. */
import { useTranslation } from 'react-i18next';
import type { SelectOption } from '../../components/SelectField';

export const GRADES = [-1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13] as const;

export function useGradeLabel(): (grade: number) => string {
  const { t } = useTranslation();
  return (grade) => {
    if (grade === -1) return t('students.grades.preK');
    if (grade === 0) return t('students.grades.kindergarten');
    if (grade === 13) return t('students.grades.transition');
    return t('students.grades.numbered', { grade });
  };
}

export function useGradeOptions(): SelectOption[] {
  const label = useGradeLabel();
  return GRADES.map((grade) => ({ value: String(grade), label: label(grade) }));
}
