/** The button and month grid a date picker opens; React Aria names the buttons in the UI's language. */
import { Button, Calendar, CalendarCell, CalendarGrid, Dialog, Group, Heading, Label, Popover } from 'react-aria-components';
import { DateSegments } from './DateSegments';

export function CalendarButton() {
  return (
    <Button className="picker__button">
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        <rect x="2" y="3" width="12" height="11" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
        <path d="M2 6.5h12M5 1.5v3M11 1.5v3" stroke="currentColor" strokeWidth="1.4" />
      </svg>
    </Button>
  );
}

export function CalendarPopover() {
  return (
    <Popover className="picker__popover" placement="bottom start">
      <Dialog className="picker__dialog">
        <Calendar className="calendar">
          <header className="calendar__header">
            <Button slot="previous" className="calendar__nav">
              ‹
            </Button>
            <Heading className="calendar__heading" />
            <Button slot="next" className="calendar__nav">
              ›
            </Button>
          </header>
          <CalendarGrid className="calendar__grid" weekdayStyle="short">{(date) => <CalendarCell date={date} className="calendar__cell" />}</CalendarGrid>
        </Calendar>
      </Dialog>
    </Popover>
  );
}

/** What every date picker shows inside its DatePicker: the label, the typed segments with the calendar button, and the popover. */
export function DatePickerBody({ label }: { label?: string | undefined }) {
  return (
    <>
      {label && <Label className="picker__label">{label}</Label>}
      <Group className="picker__group">
        <DateSegments />
        <CalendarButton />
      </Group>
      <CalendarPopover />
    </>
  );
}
