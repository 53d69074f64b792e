/**
 * The app once a member has unlocked it: header (who is signed in, Lock), section navigation and
 * the current section. While locked it stays mounted but inert under the lock overlay.
 */
import { useEffect, useRef } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../../src-main/contract';
import { type Action, can } from '../../../../src-main/contract/permissions';
import { useApiMutation } from '../../api-client/react';
import { type Route, SECTIONS, type Section, sectionHref, useRoute } from '../../app/hash-route';
import { lazyScreen, ScreenLoading } from '../../app/lazy-screen';
import { useAcceptStatus } from '../../app/vault-status';
import { RoleProvider } from '../../components/permissions';
import { useMeetingMode } from '../meeting/use-meeting-mode';
import { StudentsSection } from '../students/StudentsSection';

const CaseloadSection = lazyScreen(() => import('../caseload/CaseloadSection'), 'CaseloadSection');
const DataSection = lazyScreen(() => import('../data/DataSection'), 'DataSection');
const MeetingFrame = lazyScreen(() => import('../meeting/MeetingFrame'), 'MeetingFrame');
const MentorsSection = lazyScreen(() => import('../mentors/MentorsSection'), 'MentorsSection');
const ReportsSection = lazyScreen(() => import('../reports/ReportsSection'), 'ReportsSection');
const SettingsPage = lazyScreen(() => import('../settings/SettingsPage'), 'SettingsPage');
const TeamSection = lazyScreen(() => import('../team/TeamSection'), 'TeamSection');

/** A section is in the navigation for a role that may do any of these (none listed: everyone). */
const SECTION_ACTIONS: Record<Section, readonly Action[]> = {
  caseload: ['program.read'],
  students: ['students.read'],
  mentors: ['mentors.read'],
  reports: ['reports.make'],
  team: ['staff.read'],
  data: ['records.export', 'records.import', 'students.manage'],
  settings: [],
};

/**
 * The sections a role sees, and where an address it may not use leads instead: the students, or —
 * for IT staff, who read no student record — the settings, where the vault check is.
 */
export function sectionsFor(role: Member['role']): { sections: Section[]; landing: Section } {
  const sections = SECTIONS.filter(
    (name) => SECTION_ACTIONS[name].length === 0 || SECTION_ACTIONS[name].some((action) => can(role, action)),
  );
  return { sections, landing: sections.includes('students') ? 'students' : 'settings' };
}

export function AppFrame({ member, isDemo, locked }: { member: Member; isDemo: boolean; locked: boolean }) {
  const { t } = useTranslation();
  const asked = useRoute();
  const { sections, landing } = sectionsFor(member.role);
  const route: Route = sections.includes(asked.section) ? asked : { section: landing, params: [] };
  const { section } = route;
  const mainRef = useRef<HTMLElement>(null);
  const acceptStatus = useAcceptStatus();
  const lock = useApiMutation('vault.lock', { onSuccess: acceptStatus });
  useHeadingFocusOnSectionChange(section, mainRef);
  // While meeting mode is on, the window shows the meeting and nothing else (the services refuse the rest).
  const meeting = useMeetingMode(locked);
  if (meeting) {
    return (
      <ScreenLoading>
        <MeetingFrame meeting={meeting} locked={locked} />
      </ScreenLoading>
    );
  }

  return (
    <RoleProvider role={member.role}>
      <div className="frame" inert={locked}>
        {/* A button, not an href="#main": the hash router would read that as a section name. */}
        <button type="button" className="skip-link" onClick={() => mainRef.current?.focus()}>
          {t('frame.skipToMain')}
        </button>
        <header className="frame-header">
          <p className="brand">{t('app.name')}</p>
          {isDemo ? <p className="demo-badge">{t('demo.banner')}</p> : null}
          <div className="frame-user">
            <p>
              {t('frame.signedInAs', { name: member.name })}
              <span className="frame-role"> · {t(`roles.${member.role}`)}</span>
            </p>
            <Button className="button button--secondary" onPress={() => lock.mutate({})}>
              {t('frame.lock')}
            </Button>
          </div>
        </header>
        <div className="frame-body">
          <nav className="frame-nav" aria-label={t('frame.navLabel')}>
            <ul>
              {sections.map((name) => (
                <li key={name}>
                  <a href={sectionHref(name)} aria-current={name === section ? 'page' : undefined}>
                    {t(`nav.${name}`)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <main id="main" ref={mainRef} tabIndex={-1} className="frame-main">
            <ScreenLoading>
              <SectionContent route={route} member={member} />
            </ScreenLoading>
          </main>
        </div>
      </div>
    </RoleProvider>
  );
}

function SectionContent({ route, member }: { route: Route; member: Member }) {
  switch (route.section) {
    case 'caseload':
      return <CaseloadSection params={route.params} />;
    case 'students':
      return <StudentsSection params={route.params} />;
    case 'mentors':
      return <MentorsSection params={route.params} />;
    case 'team':
      return <TeamSection params={route.params} />;
    case 'data':
      return <DataSection params={route.params} />;
    case 'reports':
      return <ReportsSection params={route.params} />;
    case 'settings':
      return <SettingsPage member={member} />;
  }
}

/** After moving to another section, put focus on its heading so screen readers start there. */
function useHeadingFocusOnSectionChange(section: Section, mainRef: React.RefObject<HTMLElement | null>): void {
  const previous = useRef(section);
  useEffect(() => {
    if (previous.current === section) return;
    previous.current = section;
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [section, mainRef]);
}
