import type { PartnerApiClient } from "../api";
import type { LiveSession, TemplateInfo } from "../excel";

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
    ...(template.descriptions ? { descriptions: template.descriptions } : {}),
    users: template.users.map((user) => user.name),
    integrations: template.integrations.map((integration) => integration.name),
  }));
}

/**
 * Before work that names templates (a send, a load): the session gets the partner's current
 * templates, so names are checked and read against them. Profiles without templates ask
 * nothing.
 */
export async function refreshCatalog(
  session: LiveSession,
  client: PartnerApiClient,
  signal?: AbortSignal
): Promise<void> {
  if (session.profile.fields.some((field) => field.list === "configurationTemplates"))
    await session.setCatalog(await fetchTemplateCatalog(client, signal));
}
