/** The day and start time of a talk or a meeting slot, entered in the fair's time zone. */
import type { FieldError } from '../../platform/http/errors.ts';
import { TextInput } from '../../web/components.tsx';
import type { ViewContext } from '../../web/context.ts';
import { zoneName } from './words.tsx';

export function DayAndStart(props: {
  ctx: ViewContext;
  day: string;
  start: string;
  timeZone: string;
  err: (field: string) => FieldError | undefined;
}) {
  const { t } = props.ctx;
  return (
    <>
      <TextInput
        name="day"
        label={t.t('fairs.field.day')}
        hint={t.t('fairs.field.date-hint')}
        value={props.day}
        width={16}
        error={props.err('day')}
      />
      <TextInput
        name="start"
        label={t.t('fairs.field.start')}
        hint={t.t('fairs.field.clock-hint', { zone: zoneName(props.timeZone) })}
        value={props.start}
        width={8}
        error={props.err('start')}
      />
    </>
  );
}
