import { z } from 'zod';
import { ISO_COUNTRY_CODE } from '../../../domain/access/jurisdiction.ts';

/** Field rules shared by the profile and the organisation bodies. */
export const country = z.string().regex(ISO_COUNTRY_CODE, { error: 'must be an ISO 3166-1 alpha-2 code' });
export const ags = z.string().regex(/^[0-9]{5}$/, { error: 'must be a five-digit AGS' });
