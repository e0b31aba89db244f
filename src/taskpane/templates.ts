import type { PartnerApiClient } from "../api";
import type { TemplateInfo } from "../excel";

/** The partner's configuration templates as the workbook keeps them (names of people and software). */
export async function fetchTemplateCatalog(
  client: PartnerApiClient,
  signal?: AbortSignal
): Promise<TemplateInfo[]> {
  const templates = await client.listTemplates(signal);
  return templates.map((template) => ({
    id: template.id,
    name: template.name,
    description: template.description ?? null,
    users: template.users.map((user) => user.name),
    integrations: template.integrations.map((integration) => integration.name),
  }));
}
