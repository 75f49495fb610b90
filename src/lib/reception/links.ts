// Links to an arrival's screens: the arrival id in the query string, never patient data.
import { resolve } from '$app/paths';

export type ArrivalScreen = '/reception/' | '/intake/' | '/intake/patient/' | '/visits/' | '/billing/';

export function arrivalHref(screen: ArrivalScreen, arrivalId: string): string {
  return `${resolve(screen)}?arrival=${encodeURIComponent(arrivalId)}`;
}
