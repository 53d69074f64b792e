/** The team section; `params` are the route segments after `#/team`. */
import { PlaceholderPage } from '../frame/PlaceholderPage';

export function TeamSection(_props: { params: string[] }) {
  return <PlaceholderPage section="team" />;
}
