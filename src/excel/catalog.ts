import * as z from "zod/mini";

/** A list of strings; items of another kind are dropped, not the whole template. */
const strings = z.pipe(
  z.catch(z.array(z.unknown()), []),
  z.transform((items: unknown[]) =>
    items.filter((item): item is string => typeof item === "string")
  )
);

const templateInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.catch(z.nullable(z.string()), null),
  /** The description by language (`fr`, `nl`, `en`), where the partner gave several. */
  descriptions: z.optional(z.catch(z.record(z.string(), z.string()), {})),
  users: strings,
  integrations: strings,
});

/**
 * The partner's configuration templates as the workbook keeps them (docs/rules.md, "Configuration templates"): enough to fill
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

/** A template's description in the pane's language, else the partner's own. */
export function descriptionIn(template: TemplateInfo, lang: string): string | null {
  return template.descriptions?.[lang] ?? template.description;
}
