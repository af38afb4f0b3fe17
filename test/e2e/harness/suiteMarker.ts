/** Prefix of the suites' console lines, so the harness can tell them from the workbench's own logging. */
export const SUITE_MARKER = '[recap-e2e] ';
