/**
 * How a health flag reads on screen: who or what it is about, what was found and what to do, in the
 * UI's language from the rule and the facts the service sent, and where its link goes.
 */
import { useTranslation } from 'react-i18next';
import type { HealthFlagView } from '../../../../src-main/contract';
import { routeHref } from '../../app/hash-route';
import { useDateFormat } from '../../components/dates';

export interface FlagWords {
  subject: string;
  message: string;
  action: string;
  href: string;
  linkLabel: string;
}

export function useFlagWords(): (flag: HealthFlagView) => FlagWords {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  return (flag) => {
    const { facts, link } = flag;
    const values = {
      ...facts,
      date: facts.date ? formatDate(facts.date) : '',
      since: facts.since ? formatDate(facts.since) : '',
      module: facts.module ? t(`mentors.training.modules.${facts.module}`) : '',
    };
    const message =
      flag.rule === 'annual_review_due' || flag.rule === 'reevaluation_due'
        ? t(`health.rules.${flag.rule}.${flag.severity === 'urgent' ? 'overdue' : 'dueSoon'}`, values)
        : t(`health.rules.${flag.rule}.message`, values);
    const action = t(`health.rules.${flag.rule}.action`, values);
    if (link.to === 'matching') {
      return {
        subject: t('health.subject.school', { school: link.school }),
        message,
        action,
        href: routeHref('mentors', 'matching'),
        linkLabel: t('health.open.matching'),
      };
    }
    if (link.to === 'mentor') {
      return {
        subject: t('health.subject.mentor', { name: link.mentorName }),
        message,
        action,
        href: routeHref('mentors', link.mentorId),
        linkLabel: t('health.open.mentor', { name: link.mentorName }),
      };
    }
    const subject = link.accommodation
      ? t('health.subject.support', {
          name: link.studentName,
          support: t('accommodations.name', {
            role: t(`accommodations.roles.${link.accommodation.role}`),
            setting: link.accommodation.settingClass,
          }),
        })
      : t('health.subject.plan', { name: link.studentName, plan: t(`plans.types.${link.planType}`) });
    return {
      subject,
      message,
      action,
      href: routeHref('students', link.studentId, 'plans', link.planId),
      linkLabel: t('health.open.plan', { name: link.studentName }),
    };
  };
}
