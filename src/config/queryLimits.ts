// The limits live in ./limits.ts (one spec for config and README); this name stays for importers.
export { DEFAULT_LIMITS, type Limits as QueryLimits } from './limits.js';

/** Page size of a connection when neither `first` nor `last` is given. */
export const DEFAULT_PAGE_SIZE = 20;
