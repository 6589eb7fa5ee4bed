declare const WORKREPORT_VERSION: string | undefined;

/** The package version, set by the build (scripts/build.mjs); "0.0.0-dev" when run from source. */
export const VERSION = typeof WORKREPORT_VERSION === 'string' ? WORKREPORT_VERSION : '0.0.0-dev';

/** Where users read about the tool (SARIF informationUri). */
export const HOMEPAGE = 'https://github.com/workreport/workreport';
