import * as z from "zod/mini";
import { FIELD_DEFAULTS, HEADER_LANGUAGES } from "./profile-basics";

/**
 * The shape of a profile, and what its fields may say of each other. The tests hold every
 * profile to it (test/core/profiles.test.ts); the pane does not load it: a profile is data
 * compiled into the add-in, the same for every user, so it is checked once, before shipping.
 */
// zod/mini: the same checks as zod's classic API, in a fraction of the pane's first download.
const headerLang = z.enum(HEADER_LANGUAGES);
const positiveInt = () => z.number().check(z.int(), z.positive());
const text = (min = 1) => z.string().check(z.minLength(min));

/** Each rule kind is implemented once, in rules.ts; a profile only names kinds and options. */
const ruleSpecSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("text"),
    max: z.optional(positiveInt()),
    noControlCharacters: z.optional(z.boolean()),
  }),
  z.object({
    kind: z.literal("country"),
    acceptNames: z.boolean(),
    /** The ISO code messages give as an example (the profile's own country). */
    example: z.string().check(z.length(2)),
  }),
  z.object({
    kind: z.literal("email"),
    /** The top-level domain of the example address in messages ("be": name@company.be). */
    exampleDomain: z.string().check(z.minLength(2)),
  }),
  z.object({
    kind: z.literal("locale"),
    languages: z.array(z.string().check(z.length(2))).check(z.minLength(1)),
    /** The row's country: a language written alone ("fr", "Nederlands") is fixed with it. */
    countryField: z.optional(z.string()),
  }),
  z.object({ kind: z.literal("beEnterpriseNumber") }),
  z.object({ kind: z.literal("beVatNumber"), sameDigitsAs: z.optional(z.string()) }),
  z.object({
    kind: z.literal("iban"),
    /**
     * The country whose national account number (RIB) may be written alone: with its key
     * valid, the IBAN it is part of is certain (Morocco: MA, then 64, then the 24 digits).
     */
    nationalAccountOf: z.optional(z.string().check(z.length(2))),
  }),
  z.object({ kind: z.literal("postalCode"), countryField: z.string() }),
  z.object({ kind: z.literal("yesNo") }),
  z.object({ kind: z.literal("configurationTemplate") }),
  z.object({ kind: z.literal("ice") }),
  z.object({ kind: z.literal("digits"), lengths: z.array(positiveInt()).check(z.minLength(1)) }),
  z.object({ kind: z.literal("language") }),
]);
export type RuleSpec = z.infer<typeof ruleSpecSchema>;

const byLanguage = z.object({ fr: text(), nl: text(), en: text() });
const byHeaderLanguage = z.extend(byLanguage, { de: z.optional(text()) });

const fieldSchema = z.object({
  key: z.string().check(z.regex(/^[a-z][A-Za-z]+$/)),
  required: z.boolean(),
  /** Same value on two rows is an error on both (docs/rules.md). */
  unique: z._default(z.boolean(), FIELD_DEFAULTS.unique),
  /** Kept as text in the template: leading zeros matter, numbers typed here lose them. */
  identifier: z._default(z.boolean(), FIELD_DEFAULTS.identifier),
  headers: byHeaderLanguage,
  /**
   * The platform's own header for this column (its import file: docs/rules.md), where the
   * template shows clearer words: "Boîte postale" is a PO box, a Belgian "boîte" is not. Sheets
   * with the platform's headers are still recognised, and the platform's file is written with
   * them. Absent: the French header is the platform's.
   */
  platformHeader: z.optional(text()),
  /** Other header texts people use for this column (any language), for header detection. */
  aliases: z._default(z.array(z.string()), [...FIELD_DEFAULTS.aliases]),
  help: byHeaderLanguage,
  rule: ruleSpecSchema,
  /** The field's name in the partner API when it is not the key (the contract's einvoicingMandate). */
  apiName: z.optional(z.string()),
  /** What sending this column does beyond creating the client, said before a send. */
  sendNote: z.optional(byLanguage),
  /** The same, counted in a send's summary for the rows where it is Yes ("{count}"). */
  sendConsequence: z.optional(byLanguage),
  /** Where the template's drop-down for this column comes from. */
  list: z.optional(z.enum(["countries", "locales", "yesNo", "configurationTemplates"])),
  width: z._default(positiveInt(), FIELD_DEFAULTS.width),
});
export type FieldDef = z.infer<typeof fieldSchema>;

/**
 * What the public registries can say of a profile's companies, and which columns their answers
 * speak to. Null where no registry is reachable (Morocco has no public ICE registry): the pane
 * does not offer the check there. One lookup seam per profile, so one can be added later.
 */
const registrySchema = z.object({
  /** The unique fields whose identity is the number the registries know, by preference. */
  lookupBy: z.array(z.string()).check(z.minLength(1)),
  /** The column of the company's name, compared with the registry's official name. */
  name: z.string(),
  /** The address columns, named as the registry's address parts (the contract's RegistryAddress). */
  address: z.array(z.string()),
  /** The Yes/No column whose Yes asks for a Peppol registration. */
  peppolMandate: z.optional(z.string()),
});
export type RegistrySpec = z.infer<typeof registrySchema>;

export const profileSchema = z
  .object({
    id: z.enum(["be", "ma"]),
    name: byLanguage,
    /** The platform region's country (ISO 3166 alpha-2): a display language "fr-MA" points here. */
    country: z.string().check(z.regex(/^[A-Z]{2}$/)),
    headerLanguages: z.array(headerLang).check(z.minLength(1)),
    fields: z.array(fieldSchema).check(z.minLength(1)),
    registry: z.nullable(registrySchema),
    /** The platform's import file marks required columns with " *" after their header (Belgium's). */
    platformMarksRequired: z.boolean(),
  })
  .check(
    z.superRefine((profile, ctx) => {
      const keys = profile.fields.map((field) => field.key);
      keys.forEach((key, i) => {
        if (keys.indexOf(key) !== i)
          ctx.addIssue({ code: "custom", message: `duplicate key ${key}` });
      });
      for (const field of profile.fields) {
        for (const lang of profile.headerLanguages) {
          if (!field.headers[lang] || !field.help[lang]) {
            ctx.addIssue({
              code: "custom",
              message: `${field.key} lacks a ${lang} header or help`,
            });
          }
        }
        const refersTo =
          field.rule.kind === "postalCode" || field.rule.kind === "locale"
            ? field.rule.countryField
            : field.rule.kind === "beVatNumber"
              ? field.rule.sameDigitsAs
              : undefined;
        if (refersTo !== undefined && !keys.includes(refersTo)) {
          ctx.addIssue({ code: "custom", message: `${field.key} refers to unknown ${refersTo}` });
        }
      }
      const registry = profile.registry;
      if (registry) {
        const named = [...registry.lookupBy, registry.name, ...registry.address];
        if (registry.peppolMandate) named.push(registry.peppolMandate);
        for (const key of named)
          if (!keys.includes(key))
            ctx.addIssue({ code: "custom", message: `the registry names unknown ${key}` });
        for (const key of registry.lookupBy)
          if (!profile.fields.find((field) => field.key === key)?.unique)
            ctx.addIssue({ code: "custom", message: `the registry looks up ${key}, not unique` });
      }
    })
  );
export type Profile = z.infer<typeof profileSchema>;
export type ProfileId = Profile["id"];
export type ProfileInput = z.input<typeof profileSchema>;
