/** The students section; `params` are the route segments after `#/students`. */
import { PlaceholderPage } from '../frame/PlaceholderPage';

export function StudentsSection(_props: { params: string[] }) {
  return <PlaceholderPage section="students" />;
}
