// Personal tokens for the read API (/api/v1): the settings form's schemas (pure).
import { z } from "zod";
import { requiredText } from "~/utils/validation";

export const TOKEN_NAME_MAX = 80;
/** Tokens are `at_` followed by 43 base64url characters (32 random bytes). */
export const TOKEN_PATTERN = /^at_[A-Za-z0-9_-]{43}$/;
/** How many live tokens one user may hold. */
export const TOKENS_PER_USER = 20;

export const tokenCreateSchema = z.object({ intent: z.literal("create"), name: requiredText(TOKEN_NAME_MAX) });
export const tokenRevokeSchema = z.object({ intent: z.literal("revoke"), tokenId: z.string().min(1).max(64) });
