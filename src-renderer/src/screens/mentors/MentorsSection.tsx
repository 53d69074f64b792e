/**
 * The mentors section; `params` are the route segments after `#/mentors`:
 * [] the list, ['new'] a new mentor, ['matching'] matching mentors to open seats, [id] a mentor's page,
 * [id, 'edit'] editing it.
 */
import { MatchingPage } from '../matching/MatchingPage';
import { MentorDetail } from './MentorDetail';
import { MentorFormPage } from './MentorFormPage';
import { MentorList } from './MentorList';

export function MentorsSection({ params }: { params: string[] }) {
  const [first, second] = params;
  if (first === undefined) return <MentorList />;
  if (first === 'new') return <MentorFormPage />;
  if (first === 'matching') return <MatchingPage />;
  if (second === 'edit') return <MentorFormPage key={first} mentorId={first} />;
  return <MentorDetail key={first} mentorId={first} />;
}
