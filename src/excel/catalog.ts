/**
 * The partner's configuration templates as the workbook keeps them (SPEC §5): enough to fill
 * the drop-down, check names and show what each template does, even before sign-in.
 */
export interface TemplateInfo {
  id: string;
  name: string;
  description: string | null;
  users: string[];
  integrations: string[];
}

export function parseCatalog(value: unknown): TemplateInfo[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const strings = (list: unknown): string[] =>
    Array.isArray(list) ? list.filter((item): item is string => typeof item === "string") : [];
  const catalog: TemplateInfo[] = [];
  for (const item of value) {
    if (!item || typeof item !== "object") continue;
    const { id, name, description, users, integrations } = item as Record<string, unknown>;
    if (typeof id !== "string" || typeof name !== "string") continue;
    catalog.push({
      id,
      name,
      description: typeof description === "string" ? description : null,
      users: strings(users),
      integrations: strings(integrations),
    });
  }
  return catalog;
}
