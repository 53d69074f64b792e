/**
 * The mentors section; `params` are the route segments after `#/mentors`:
 * [] the list, ['new'] a new mentor, [id] a mentor's page, [id, 'edit'] editing it.
 */
import { MentorDetail } from './MentorDetail';
import { MentorFormPage } from './MentorFormPage';
import { MentorList } from './MentorList';

export function MentorsSection({ params }: { params: string[] }) {
  const [first, second] = params;
  if (first === undefined) return <MentorList />;
  if (first === 'new') return <MentorFormPage />;
  if (second === 'edit') return <MentorFormPage key={first} mentorId={first} />;
  return <MentorDetail key={first} mentorId={first} />;
}
