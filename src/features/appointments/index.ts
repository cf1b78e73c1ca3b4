import type { FeaturePlugin } from '../../app-deps.ts';

export { appointmentJobs } from './jobs.ts';
export { APPOINTMENT_PATHS } from './paths.ts';
export { appointmentService, officeStaff } from './schema.ts';
// The public surface of this feature: what other features and the composition root may use.
export { type AppointmentsService, createAppointmentsService } from './service.ts';
export { STAFFING_PATHS } from './staffing-page.ts';
export { WAITING_PATHS } from './waiting.ts';
export {
  type BacktestFigures,
  backtestWaitingTimes,
  type OfficeBacktest,
  type WaitingBacktest,
} from './waiting-backtest.ts';
export { type Bar, BarChart } from './waiting-chart.tsx';
export { createWaitingTimes, type WaitingTimesService } from './waiting-store.ts';

/** Appointments: calendars of service points, requests, allocation (issue 15), as a feature plugin (ADR 0015). */
export const appointmentsPlugin: FeaturePlugin = async (app, { deps, services }) => {
  const { registerAppointments } = await import('./routes.tsx');
  registerAppointments(app, deps, services);
};
