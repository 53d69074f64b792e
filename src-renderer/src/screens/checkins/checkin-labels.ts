/** How check-ins are named on screen: the support ("Math 7 — peer tutor") and each rating with its scale. */
import { useTranslation } from 'react-i18next';
import type { CheckIn, PeerRole } from '../../../../src-main/contract';

export const STUDENT_RATINGS = ['belonging', 'engagement'] as const;
export const MENTOR_RATINGS = ['mentorWorkload', 'mentorConfidence'] as const;
export const RATINGS = [...STUDENT_RATINGS, ...MENTOR_RATINGS] as const;
export type RatingName = (typeof RATINGS)[number];

export const RATING_VALUES = [1, 2, 3, 4, 5] as const;

/** "Math 7 — peer tutor", as the mentor's assignments read. */
export function useSupportName(): (support: { role: PeerRole; settingClass: string }) => string {
  const { t } = useTranslation();
  return (support) => t('checkIns.entry.what', { setting: support.settingClass, role: t(`assignments.roles.${support.role}`) });
}

export type CheckInRatings = Pick<CheckIn, RatingName>;
