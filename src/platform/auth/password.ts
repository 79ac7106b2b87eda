import { hash, verify } from '@node-rs/argon2';

// Argon2id with the library's defaults (OWASP-level memory and time cost).
export const hashPassword = (password: string): Promise<string> => hash(password);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// Verified against when the account does not exist, so a wrong username costs as long as a wrong password.
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hash('geen-echt-wachtwoord');
  return dummyHash;
}
