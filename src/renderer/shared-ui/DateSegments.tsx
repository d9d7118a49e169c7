/** The typed part of a date or time field: one segment per day, month, year, hour, minute. */
import { DateInput, DateSegment } from 'react-aria-components';

export function DateSegments() {
  return <DateInput className="picker__input">{(segment) => <DateSegment segment={segment} className="picker__segment" />}</DateInput>;
}
