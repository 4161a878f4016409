/**
 * The URL query that marks a module as loaded for a later run of a program in the same rank
 * worker: program-worker.ts adds it to the program's URL, and resolve-hook.mjs (which receives
 * it as data) carries it to the program's own imports.
 */
export const RUN_QUERY = 'opbridge-run';
