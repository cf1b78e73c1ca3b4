/**
 * Where an authority is competent, and whether a person's data lies there. Pure: the caller
 * resolves districts to their state from the reference data before asking.
 */

export type Jurisdiction =
  | { readonly scope: 'nationwide' }
  | { readonly scope: 'state'; readonly stateCode: string }
  | { readonly scope: 'district'; readonly ags: string }
  | { readonly scope: 'country'; readonly countryCode: string };

/** Where a person's matter is located: residence district (and its state) and country of residence. */
export interface Location {
  readonly stateCode?: string | null | undefined;
  readonly districtAgs?: string | null | undefined;
  readonly countryCode?: string | null | undefined;
}

/** True when any of the organisation's jurisdictions covers the location. */
export function withinJurisdiction(jurisdictions: readonly Jurisdiction[], location: Location): boolean {
  return jurisdictions.some((j) => {
    switch (j.scope) {
      case 'nationwide':
        return Boolean(location.stateCode || location.districtAgs);
      case 'state':
        return location.stateCode === j.stateCode;
      case 'district':
        return location.districtAgs === j.ags;
      case 'country':
        return location.countryCode === j.countryCode;
      default:
        return false;
    }
  });
}

export const ISO_COUNTRY_CODE = /^[A-Z]{2}$/;

/** The states a set of jurisdictions names by state scope (a state ministry's own state), in their order. */
export function jurisdictionStates(jurisdictions: readonly Jurisdiction[]): string[] {
  return jurisdictions.flatMap((j) => (j.scope === 'state' ? [j.stateCode] : []));
}
