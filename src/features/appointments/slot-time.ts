/** An appointment's time in the service point's own time zone, in a language; the zone named when not German time. */
export function formatSlot(locale: string, at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    ...(timeZone === 'Europe/Berlin' ? {} : { timeZoneName: 'short' }),
  }).format(at);
}
