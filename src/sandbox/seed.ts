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

const TEMPLATES = [
  {
    id: "tp_be_standard",
    partner: "pa_be",
    name: "Standard",
    description: "Sophie follows the client; invoices go to Exact Online.",
    users: ["us_be_admin"],
    integrations: ["in_be_exact"],
  },
  {
    id: "tp_be_yuki",
    partner: "pa_be",
    name: "Yuki",
    description: "Pieter follows the client; invoices go to Yuki.",
    users: ["us_be_staff"],
    integrations: ["in_be_yuki"],
  },
  {
    id: "tp_be_peppol",
    partner: "pa_be",
    name: "Peppol only",
    description: "E-invoicing on Peppol, no accounting link.",
    users: [],
    integrations: [],
  },
  {
    id: "tp_be_team",
    partner: "pa_be",
    name: "Comptabilité Plus",
    description: "The whole team, Octopus and Exact Online.",
    users: ["us_be_admin", "us_be_staff"],
    integrations: ["in_be_octopus", "in_be_exact"],
  },
  {
    id: "tp_ma_standard",
    partner: "pa_ma",
    name: "Standard",
    description: "Karima suit le client ; Sage 100.",
    users: ["us_ma_admin"],
    integrations: ["in_ma_sage"],
  },
  {
    id: "tp_ma_odoo",
    partner: "pa_ma",
    name: "Odoo",
    description: "Omar suit le client ; Odoo.",
    users: ["us_ma_staff"],
    integrations: ["in_ma_odoo"],
  },
  {
    id: "tp_ma_simple",
    partner: "pa_ma",
    name: "Sans intégration",
    description: null,
    users: [],
    integrations: [],
  },
  {
    id: "tp_ma_team",
    partner: "pa_ma",
    name: "Équipe",
    description: "Karima et Omar ; Sage 100 et Odoo.",
    users: ["us_ma_admin", "us_ma_staff"],
    integrations: ["in_ma_sage", "in_ma_odoo"],
  },
];

/** Fills an empty database with the two sandbox partners; leaves a seeded one as it is. */
export function seed(db: Db): void {
  const seeded = db.prepare("SELECT COUNT(*) AS n FROM partners").get() as { n: number };
  if (seeded.n > 0) return;
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
      "INSERT INTO templates (id, partner_id, name, description) VALUES (?, ?, ?, ?)"
    );
    const templateUser = db.prepare(
      "INSERT INTO template_users (template_id, user_id) VALUES (?, ?)"
    );
    const templateIntegration = db.prepare(
      "INSERT INTO template_integrations (template_id, integration_id) VALUES (?, ?)"
    );
    for (const t of TEMPLATES) {
      template.run(t.id, t.partner, t.name, t.description);
      for (const u of t.users) templateUser.run(t.id, u);
      for (const i of t.integrations) templateIntegration.run(t.id, i);
    }
  })();
}
