import type { Db } from "./db";
import { hashPassword } from "./ids";

/** Sandbox sign-ins, listed in docs/sandbox.md. Sandbox only: never a real account. */
export const SEEDED_USERS = [
  {
    id: "us_be_admin",
    partner: "pa_be",
    name: "Sophie Lambert",
    email: "sophie@fiduciaire-lambert.be",
    password: "sandbox-be",
  },
  {
    id: "us_be_staff",
    partner: "pa_be",
    name: "Pieter Claes",
    email: "pieter@fiduciaire-lambert.be",
    password: "sandbox-be",
  },
  {
    id: "us_ma_admin",
    partner: "pa_ma",
    name: "Karima Benali",
    email: "karima@cabinet-benali.ma",
    password: "sandbox-ma",
  },
  {
    id: "us_ma_staff",
    partner: "pa_ma",
    name: "Omar Tazi",
    email: "omar@cabinet-benali.ma",
    password: "sandbox-ma",
  },
] as const;

const PARTNERS = [
  { id: "pa_be", name: "Fiduciaire Lambert", region: "be" },
  { id: "pa_ma", name: "Cabinet Benali", region: "ma" },
];

const INTEGRATIONS = [
  { id: "in_be_exact", partner: "pa_be", name: "Exact Online" },
  { id: "in_be_yuki", partner: "pa_be", name: "Yuki" },
  { id: "in_be_octopus", partner: "pa_be", name: "Octopus" },
  { id: "in_ma_sage", partner: "pa_ma", name: "Sage 100" },
  { id: "in_ma_odoo", partner: "pa_ma", name: "Odoo" },
];

/**
 * The partner's templates, described in the partner's languages (Belgium: French, Dutch,
 * English; Morocco: French, English): the API gives every version, the pane shows its own.
 */
const TEMPLATES: {
  id: string;
  partner: string;
  name: string;
  descriptions: Record<string, string> | null;
  users: string[];
  integrations: string[];
}[] = [
  {
    id: "tp_be_standard",
    partner: "pa_be",
    name: "Standard",
    descriptions: {
      fr: "Sophie suit le client ; les factures vont dans Exact Online.",
      nl: "Sophie volgt de klant op; de facturen gaan naar Exact Online.",
      en: "Sophie follows the client; invoices go to Exact Online.",
    },
    users: ["us_be_admin"],
    integrations: ["in_be_exact"],
  },
  {
    id: "tp_be_yuki",
    partner: "pa_be",
    name: "Yuki",
    descriptions: {
      fr: "Pieter suit le client ; les factures vont dans Yuki.",
      nl: "Pieter volgt de klant op; de facturen gaan naar Yuki.",
      en: "Pieter follows the client; invoices go to Yuki.",
    },
    users: ["us_be_staff"],
    integrations: ["in_be_yuki"],
  },
  {
    id: "tp_be_peppol",
    partner: "pa_be",
    name: "Peppol only",
    descriptions: {
      fr: "Facturation électronique sur Peppol, sans lien avec une comptabilité.",
      nl: "E-facturatie via Peppol, zonder koppeling met een boekhouding.",
      en: "E-invoicing on Peppol, no accounting link.",
    },
    users: [],
    integrations: [],
  },
  {
    id: "tp_be_team",
    partner: "pa_be",
    name: "Comptabilité Plus",
    descriptions: {
      fr: "Toute l'équipe, Octopus et Exact Online.",
      nl: "Het hele team, Octopus en Exact Online.",
      en: "The whole team, Octopus and Exact Online.",
    },
    users: ["us_be_admin", "us_be_staff"],
    integrations: ["in_be_octopus", "in_be_exact"],
  },
  {
    id: "tp_ma_standard",
    partner: "pa_ma",
    name: "Standard",
    descriptions: {
      fr: "Karima suit le client ; Sage 100.",
      en: "Karima follows the client; Sage 100.",
    },
    users: ["us_ma_admin"],
    integrations: ["in_ma_sage"],
  },
  {
    id: "tp_ma_odoo",
    partner: "pa_ma",
    name: "Odoo",
    descriptions: {
      fr: "Omar suit le client ; Odoo.",
      en: "Omar follows the client; Odoo.",
    },
    users: ["us_ma_staff"],
    integrations: ["in_ma_odoo"],
  },
  {
    id: "tp_ma_simple",
    partner: "pa_ma",
    name: "Sans intégration",
    descriptions: null,
    users: [],
    integrations: [],
  },
  {
    id: "tp_ma_team",
    partner: "pa_ma",
    name: "Équipe",
    descriptions: {
      fr: "Karima et Omar ; Sage 100 et Odoo.",
      en: "Karima and Omar; Sage 100 and Odoo.",
    },
    users: ["us_ma_admin", "us_ma_staff"],
    integrations: ["in_ma_sage", "in_ma_odoo"],
  },
];

/**
 * Fills an empty database with the two sandbox partners; leaves a seeded one as it is, but
 * for the descriptions of its templates in every language, which older sandboxes lacked.
 */
export function seed(db: Db): void {
  const seeded = db.prepare("SELECT COUNT(*) AS n FROM partners").get() as { n: number };
  if (seeded.n > 0) {
    const describe = db.prepare(
      "UPDATE templates SET descriptions = ? WHERE id = ? AND descriptions IS NULL"
    );
    for (const t of TEMPLATES) if (t.descriptions) describe.run(descriptionsJson(t), t.id);
    return;
  }
  db.transaction(() => {
    const partner = db.prepare("INSERT INTO partners (id, name, region) VALUES (?, ?, ?)");
    for (const p of PARTNERS) partner.run(p.id, p.name, p.region);
    const user = db.prepare(
      "INSERT INTO users (id, partner_id, name, email, password_hash) VALUES (?, ?, ?, ?, ?)"
    );
    for (const u of SEEDED_USERS)
      user.run(u.id, u.partner, u.name, u.email, hashPassword(u.password));
    const integration = db.prepare(
      "INSERT INTO integrations (id, partner_id, name) VALUES (?, ?, ?)"
    );
    for (const i of INTEGRATIONS) integration.run(i.id, i.partner, i.name);
    const template = db.prepare(
      "INSERT INTO templates (id, partner_id, name, description, descriptions) VALUES (?, ?, ?, ?, ?)"
    );
    const templateUser = db.prepare(
      "INSERT INTO template_users (template_id, user_id) VALUES (?, ?)"
    );
    const templateIntegration = db.prepare(
      "INSERT INTO template_integrations (template_id, integration_id) VALUES (?, ?)"
    );
    for (const t of TEMPLATES) {
      // The partner's first language is the description for clients that know no other.
      const first = t.descriptions && Object.values(t.descriptions)[0];
      template.run(t.id, t.partner, t.name, first ?? null, descriptionsJson(t));
      for (const u of t.users) templateUser.run(t.id, u);
      for (const i of t.integrations) templateIntegration.run(t.id, i);
    }
  })();
}

const descriptionsJson = (template: (typeof TEMPLATES)[number]) =>
  template.descriptions && JSON.stringify(template.descriptions);
