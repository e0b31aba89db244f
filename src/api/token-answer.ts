import { z } from "zod";

/**
 * A token endpoint's answer (RFC 6749 §5.1 and §5.2), as far as the add-in reads it. Anything
 * else (an HTML error page, a proxy's text) reads as an answer without a token.
 */
const tokenAnswerSchema = z.object({
  access_token: z.string().min(1).optional().catch(undefined),
  refresh_token: z.string().min(1).optional().catch(undefined),
  expires_in: z.number().positive().optional().catch(undefined),
  error: z.string().optional().catch(undefined),
  error_description: z.string().optional().catch(undefined),
});
export type TokenAnswer = z.infer<typeof tokenAnswerSchema>;

export async function readTokenAnswer(response: Response): Promise<TokenAnswer> {
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = tokenAnswerSchema.safeParse(body);
  return parsed.success ? parsed.data : {};
}
