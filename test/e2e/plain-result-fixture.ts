import type { BrowserContext } from 'playwright-core';
import { ANSWERS_COOKIE } from '../../src/features/pathways/answers.ts';
import { storeAnswers } from '../support/pathways.ts';
import type { Harness } from './harness.ts';

/** A nurse from India with a job offer in Germany: the typical profile of the result page. */
export const NURSE_FROM_INDIA: Record<string, string> = {
  birthDate: '1994-05-01',
  citizenship: 'IN',
  location: 'abroad',
  status: 'none',
  qualificationKind: 'vocational',
  trainingYears: '3',
  completedOn: '2016-06-30',
  qualificationIsco: '2221',
  stateRecognizedAbroad: 'yes',
  recognitionInGermany: 'partial',
  hasExperience: 'yes',
  exp0From: '2016-08-01',
  exp0Isco: '2221',
  german: 'B1',
  english: 'B2',
  hasJobOffer: 'yes',
  jobIsco: '2221',
  annualSalaryEur: '42000',
  qualified: 'yes',
  matchesQualification: 'yes',
  contractMonths: '24',
  weeklyHours: '39',
  regulatedPermit: 'pending',
  monthlyFundsEur: '1100',
};

/** Saves the answers as the questionnaire would and gives the browser context their cookie. */
export async function seedAnswers(
  h: Harness,
  context: BrowserContext,
  answers: Record<string, string> = NURSE_FROM_INDIA,
): Promise<void> {
  const token = await storeAnswers(h.testApp.database.db, answers, [
    'person',
    'residence',
    'qualification',
    'experience',
    'languages',
    'job',
    'more',
  ]);
  await context.addCookies([{ name: ANSWERS_COOKIE, value: token, url: h.base }]);
}
