import { z } from "zod";

/** A list of strings; items of another kind are dropped, not the whole template. */
const strings = z
  .array(z.unknown())
  .catch([])
  .transform((items) => items.filter((item): item is string => typeof item === "string"));

const templateInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable().catch(null),
  users: strings,
  integrations: strings,
});

/**
 * The partner's configuration templates as the workbook keeps them (SPEC §5): enough to fill
 * the drop-down, check names and show what each template does, even before sign-in.
 */
export type TemplateInfo = z.infer<typeof templateInfoSchema>;

/** The saved catalog; a template without an id or a name is left out (edited elsewhere). */
export function parseCatalog(value: unknown): TemplateInfo[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.flatMap((item) => {
    const parsed = templateInfoSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}
