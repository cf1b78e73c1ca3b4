import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The platform's Ed25519 key for recognition records. */
export interface SigningKey {
  /** First 16 hex digits of the SHA-256 of the public key (SPKI DER). */
  readonly keyId: string;
  readonly publicKeyPem: string;
  /** The public key as a JSON Web Key (OKP, Ed25519). */
  readonly publicJwk: { kty: 'OKP'; crv: 'Ed25519'; x: string; kid: string; use: 'sig'; alg: 'EdDSA' };
  /** Signs UTF-8 text; the signature is base64url. */
  sign(text: string): string;
}

export const KEY_FILE = 'recognition-signing-key.pem';

export function signingKeyFrom(privatePem: string): SigningKey {
  const privateKey = createPrivateKey(privatePem.replace(/\\n/g, '\n'));
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('RECORD_SIGNING_KEY is not an Ed25519 key');
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const keyId = createHash('sha256').update(der).digest('hex').slice(0, 16);
  const jwk = publicKey.export({ format: 'jwk' }) as { x: string };
  return {
    keyId,
    publicKeyPem: String(publicKey.export({ type: 'spki', format: 'pem' })),
    publicJwk: { kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid: keyId, use: 'sig', alg: 'EdDSA' },
    sign: (text) => sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64url'),
  };
}

/** Checks a signature with a public key (PEM or KeyObject); false for anything malformed. */
export function verifySignature(text: string, signature: string, publicKey: string | KeyObject): boolean {
  try {
    return verify(null, Buffer.from(text, 'utf8'), publicKey, Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}

/**
 * The configured key (RECORD_SIGNING_KEY, required in production), or outside production one
 * generated once and kept in DATA_DIR, like the cookie secret. Loaded on first use.
 */
export function lazySigningKey(config: { RECORD_SIGNING_KEY?: string | undefined; DATA_DIR: string }) {
  let key: SigningKey | undefined;
  return (): SigningKey => {
    if (key) return key;
    if (config.RECORD_SIGNING_KEY) {
      key = signingKeyFrom(config.RECORD_SIGNING_KEY);
      return key;
    }
    const file = path.join(config.DATA_DIR, KEY_FILE);
    if (!existsSync(file)) {
      mkdirSync(config.DATA_DIR, { recursive: true });
      const { privateKey } = generateKeyPairSync('ed25519');
      writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    }
    key = signingKeyFrom(readFileSync(file, 'utf8'));
    return key;
  };
}
