/** The CLI's exit codes; scripts and CI depend on them. */
export const EXIT_OK = 0;
/** A finding: a failing parity verdict, coverage under --fail-under. */
export const EXIT_FINDING = 1;
/** Bad usage or bad input; nothing was (partially) written. */
export const EXIT_USAGE = 2;
