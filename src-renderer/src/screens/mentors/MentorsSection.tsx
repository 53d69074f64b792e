/** The mentors section; `params` are the route segments after `#/mentors`. */
import { PlaceholderPage } from '../frame/PlaceholderPage';

export function MentorsSection(_props: { params: string[] }) {
  return <PlaceholderPage section="mentors" />;
}
