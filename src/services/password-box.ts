// PDF passwords are kept until the analysis succeeds (a retry needs them), so they are stored
// encrypted: AES-256-GCM with a server key, from PASSWORD_KEY or generated into DATA_DIR on first
// start. Several machines sharing one database must share PASSWORD_KEY.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PREFIX = 'enc1:';
const KEY_FILE = 'password.key';

export class PasswordBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('the password key must be 32 bytes');
  }

  /** The password as stored: prefix, then base64 of IV, tag and ciphertext. */
  seal(password: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(password, 'utf8'), cipher.final()]);
    return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
  }

  /**
   * The password back; undefined when it cannot be (sealed with another key). Values stored before
   * passwords were encrypted have no prefix and are returned as they are.
   */
  open(stored: string): string | undefined {
    if (!stored.startsWith(PREFIX)) return stored;
    const bytes = Buffer.from(stored.slice(PREFIX.length), 'base64');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    } catch {
      return undefined;
    }
  }
}

/** The key from PASSWORD_KEY (base64), or the one in DATA_DIR, created there by the first process to start. */
export function loadPasswordBox(configured: string | undefined, dataDir: string): PasswordBox {
  if (configured) return new PasswordBox(Buffer.from(configured, 'base64'));
  const path = join(dataDir, KEY_FILE);
  mkdirSync(dataDir, { recursive: true });
  try {
    // Exclusive creation: two processes starting at once end up with the same key.
    writeFileSync(path, randomBytes(32).toString('base64'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return new PasswordBox(Buffer.from(readFileSync(path, 'utf8').trim(), 'base64'));
}
