/** The talks of a fair with their times (in the reader's time zone) and links. */
import type { ViewContext } from '../../web/context.ts';
import type { SessionRow } from './read.ts';
import { timeIn } from './words.tsx';

export function SessionList(props: { ctx: ViewContext; sessions: readonly SessionRow[]; timeZone: string }) {
  const { ctx } = props;
  const { t } = ctx;
  if (props.sessions.length === 0) return <p class="kern-body">{t.t('fairs.sessions.none')}</p>;
  return (
    <ul class="kern-list">
      {props.sessions.map((s) => (
        <li key={s.id}>
          <a class="kern-link" href={s.link} rel="noopener noreferrer">
            {s.title}
          </a>
          {` — ${timeIn(ctx, s.startsAt, props.timeZone)}, ${t.t('fairs.sessions.minutes', {
            minutes: Math.round((s.endsAt.getTime() - s.startsAt.getTime()) / 60_000),
          })}; ${t.t('fairs.sessions.capacity', { capacity: s.capacity })}`}
        </li>
      ))}
    </ul>
  );
}
