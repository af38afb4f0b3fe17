declare const __RECAP_VERSION__: string;

/** The package version, stamped in by the build so the CLI and the extension report the same core. */
export const CORE_VERSION: string = typeof __RECAP_VERSION__ === 'string' ? __RECAP_VERSION__ : '0.0.0-dev';
