import bcrypt from "bcryptjs";

/** bcrypt cost: ~100 ms per hash in pure JS on this class of machine. */
const COST = 11;

export const hashPassword = (password: string) => bcrypt.hash(password, COST);

export const verifyPassword = (password: string, hash: string) => bcrypt.compare(password, hash);
