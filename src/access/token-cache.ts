import { DEFAULT_MAX_LIFETIME_SECONDS, verifyTokenClaims, type VerifiedToken } from './token';
import type { Viewer } from './viewer';

/** Tokens remembered at most; the oldest is forgotten first (a forgotten token is only verified again). */
const MAX_TOKENS = 10_000;

/**
 * Verified tokens, remembered until they expire: a client sends the same token with every request, and
 * checking its HS256 signature and claims again each time cost ~6% of the hub's CPU on the hot page. Only
 * that check is remembered — keyed by the token's exact text, until its exp (or iat + JWT_MAX_LIFETIME,
 * whichever is first), never past it; a token that failed is not remembered. Anything the hub decides from
 * the database for a request (app/authenticate.ts) is still decided per request.
 */
export class VerifiedTokens {
  private readonly verified = new Map<string, VerifiedToken>();

  constructor(
    private readonly secret: string,
    private readonly maxLifetimeSeconds = DEFAULT_MAX_LIFETIME_SECONDS,
    private readonly now: () => number = () => Date.now(),
  ) {}

  async verify(token: string): Promise<VerifiedToken> {
    const known = this.verified.get(token);
    if (known && known.validUntilMs > this.now()) return known;
    if (known) this.verified.delete(token);
    const verified = await verifyTokenClaims(this.secret, token, this.maxLifetimeSeconds);
    if (this.verified.size >= MAX_TOKENS) this.verified.delete(this.verified.keys().next().value!);
    // Shared by every request bearing the token: frozen, so no request can change another's viewer.
    const frozen = Object.freeze({ ...verified, viewer: Object.freeze(verified.viewer) });
    this.verified.set(token, frozen);
    return frozen;
  }

  async viewerOf(token: string): Promise<Viewer> {
    return (await this.verify(token)).viewer;
  }
}
