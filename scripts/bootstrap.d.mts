// Types for the part of scripts/bootstrap.mjs that tests import.
export function dependenciesCurrent(): boolean;
