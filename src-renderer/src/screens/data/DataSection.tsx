/** The data section; `params` are the route segments after `#/data`. */
import { PlaceholderPage } from '../frame/PlaceholderPage';

export function DataSection(_props: { params: string[] }) {
  return <PlaceholderPage section="data" />;
}
