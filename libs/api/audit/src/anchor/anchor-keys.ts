import { createHash, createPrivateKey, createPublicKey, KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The keys of the anchors: the private one only where anchors are written, the public one wherever they are checked. */
export interface AnchorKeys {
  signing?: KeyObject;
  verifying: KeyObject;
  /** The first 16 hex digits of the SHA-256 of the public key (SPKI DER): names the key each anchor was signed with. */
  keyId: string;
}

/** Where the anchors live and how they are signed: the API's configuration, or the CLI's environment. */
export interface AnchorSettings {
  dir: string;
  keys: AnchorKeys;
  intervalSeconds: number;
}

interface AnchorEnv {
  ANCHOR_SIGNING_KEY?: string;
  ANCHOR_PUBLIC_KEY?: string;
  ANCHOR_DIR?: string;
  ANCHOR_INTERVAL_SECONDS?: number | string;
}

/** The anchor settings, or null when neither key is configured (anchoring off). */
export function anchorSettings(env: AnchorEnv): AnchorSettings | null {
  if (!env.ANCHOR_SIGNING_KEY && !env.ANCHOR_PUBLIC_KEY) return null;
  if (!env.ANCHOR_DIR) throw new Error('ANCHOR_DIR is required with ANCHOR_SIGNING_KEY or ANCHOR_PUBLIC_KEY');
  return {
    dir: env.ANCHOR_DIR,
    keys: anchorKeys(env.ANCHOR_SIGNING_KEY, env.ANCHOR_PUBLIC_KEY),
    intervalSeconds: Number(env.ANCHOR_INTERVAL_SECONDS ?? 60),
  };
}

/**
 * Loads the Ed25519 keys (each a PEM or a path to one). The public key is derived from the private one when only that
 * is given; when both are given they must be a pair, or every anchor written would fail its own check.
 */
export function anchorKeys(signingKey?: string, publicKey?: string): AnchorKeys {
  const signing = signingKey ? createPrivateKey(pem(signingKey)) : undefined;
  if (signing && signing.asymmetricKeyType !== 'ed25519') throw new Error('ANCHOR_SIGNING_KEY is not an Ed25519 key');
  const derived = signing ? createPublicKey(signing) : undefined;
  const verifying = publicKey ? createPublicKey(pem(publicKey)) : derived;
  if (!verifying) throw new Error('ANCHOR_PUBLIC_KEY or ANCHOR_SIGNING_KEY is required');
  if (verifying.asymmetricKeyType !== 'ed25519') throw new Error('ANCHOR_PUBLIC_KEY is not an Ed25519 key');
  const keyId = keyIdOf(verifying);
  if (derived && keyIdOf(derived) !== keyId) throw new Error('ANCHOR_PUBLIC_KEY does not match ANCHOR_SIGNING_KEY');
  return { signing, verifying, keyId };
}

function keyIdOf(key: KeyObject): string {
  return createHash('sha256')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

/** A PEM given inline, or read from the file the value names. */
function pem(value: string): string {
  return value.trimStart().startsWith('-----BEGIN') ? value : readFileSync(value, 'utf8');
}
