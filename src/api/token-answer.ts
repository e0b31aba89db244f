import * as z from "zod/mini";

/**
 * A token endpoint's answer (RFC 6749 §5.1 and §5.2), as far as the add-in reads it. Anything
 * else (an HTML error page, a proxy's text) reads as an answer without a token.
 */
const optional = <T extends z.ZodMiniType>(schema: T) => z.catch(z.optional(schema), undefined);
const tokenAnswerSchema = z.object({
  access_token: optional(z.string().check(z.minLength(1))),
  refresh_token: optional(z.string().check(z.minLength(1))),
  expires_in: optional(z.number().check(z.positive())),
  error: optional(z.string()),
  error_description: optional(z.string()),
});
export type TokenAnswer = z.infer<typeof tokenAnswerSchema>;

export async function readTokenAnswer(response: Response): Promise<TokenAnswer> {
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = tokenAnswerSchema.safeParse(body);
  return parsed.success ? parsed.data : {};
}
