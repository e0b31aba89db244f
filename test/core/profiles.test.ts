import { defineProfile } from "../../src/core/profile";
import { FIELD_DEFAULTS } from "../../src/core/profile-basics";
import { BELGIAN_PLATFORM_HEADERS, MOROCCAN_PLATFORM_HEADERS } from "../support/platform-headers";
import {
  type FieldDef,
  CATALOGS,
  describeGroup,
  HEADINGS,
  messageParameters,
  describeProblem,
  getProfile,
  HEADER_LANGUAGES,
  PROFILE_IDS,
  PROFILES,
  profileIdForLocale,
  platformHeaderOf,
  findColumns,
  profileSchema,
  UI_LANGUAGES,
} from "../../src/core";

describe("profiles as data", () => {
  it("Belgium has its 17 keys in the platform's order", () => {
    expect(getProfile("be").fields.map((f) => f.key)).toEqual([
      "companyName",
      "country",
      "contactEmail",
      "contactFirstName",
      "contactLastName",
      "contactLocale",
      "enterpriseNumber",
      "vatNumber",
      "externalReference",
      "iban",
      "street",
      "houseNumber",
      "postalBox",
      "postalCode",
      "city",
      "mandate",
      "configurationTemplate",
    ]);
  });
  it("Morocco has its 12 keys in the order of columns A–L", () => {
    expect(getProfile("ma").fields.map((f) => f.key)).toEqual([
      "companyName",
      "address",
      "postalCode",
      "city",
      "country",
      "ice",
      "taxId",
      "iban",
      "companyLanguage",
      "contactName",
      "contactLanguage",
      "contactEmail",
    ]);
  });
  it("keeps the platform's own French headers exactly, as data", () => {
    // The Belgian platform's headers, without their "*" (the file adds it on required columns).
    expect(getProfile("be").fields.map(platformHeaderOf)).toEqual(
      BELGIAN_PLATFORM_HEADERS.map((header) => header.replace(/ \*$/, ""))
    );
  });
  it("shows clearer words in the template where the platform's mislead", () => {
    const be = getProfile("be");
    const header = (key: string) => be.fields.find((f) => f.key === key)!.headers;
    // A Belgian address's box is no PO box; "Modèle" alone also names the import template.
    expect(header("postalBox").fr).toBe("Boîte");
    expect(header("contactLocale").fr).toBe("Langue du contact");
    expect(header("configurationTemplate").fr).toBe("Modèle de configuration");
    // A sheet made from the platform's template is still read, in French.
    const mapping = findColumns(be, [be.fields.map(platformHeaderOf)]);
    expect(mapping?.columns).toEqual(be.fields.map((_, i) => i));
    expect(mapping?.headerLang).toBe("fr");
  });
  it("uses the platform's French headers for Morocco", () => {
    expect(getProfile("ma").fields.map((f) => f.headers.fr)).toEqual(MOROCCAN_PLATFORM_HEADERS);
  });
  it("marks the required columns", () => {
    const required = (id: "be" | "ma") =>
      getProfile(id)
        .fields.filter((f) => f.required)
        .map((f) => f.key);
    expect(required("be")).toEqual([
      "companyName",
      "country",
      "contactEmail",
      "contactFirstName",
      "contactLastName",
      "contactLocale",
    ]);
    expect(required("ma")).toEqual([
      "companyName",
      "postalCode",
      "city",
      "country",
      "contactEmail",
    ]);
  });
  it.each(Object.keys(PROFILES))(
    "%s passes its schema, with a header and help in each of its languages",
    (id) => {
      const profile = PROFILES[id as "be" | "ma"];
      expect(profileSchema.safeParse(profile).success).toBe(true);
      // The pane fills in a field's defaults without the schema: the same as the schema's.
      const withoutDefaults = (field: FieldDef) =>
        Object.fromEntries(
          Object.entries(field).filter(
            ([key, value]) =>
              !(key in FIELD_DEFAULTS) ||
              JSON.stringify(value) !== JSON.stringify(FIELD_DEFAULTS[key as "width"])
          )
        ) as FieldDef;
      const bare = { ...profile, fields: profile.fields.map(withoutDefaults) };
      expect(bare.fields.some((field) => !("width" in field))).toBe(true);
      expect(defineProfile(bare)).toEqual(profileSchema.parse(bare));
      expect(profileSchema.parse(profile)).toEqual(profile);
      for (const field of profile.fields) {
        for (const lang of profile.headerLanguages) {
          expect(field.headers[lang]?.length).toBeGreaterThan(0);
          expect(field.help[lang]?.length).toBeGreaterThan(10);
        }
      }
    }
  );
  it("Belgium's headers include German", () => {
    expect(getProfile("be").headerLanguages).toEqual([...HEADER_LANGUAGES]);
  });
  it("the schema refuses a profile that refers to a field it does not have", () => {
    const broken = {
      ...getProfile("ma"),
      fields: getProfile("ma").fields.filter((f) => f.key !== "country"),
    };
    expect(profileSchema.safeParse(broken).success).toBe(false);
  });
});

describe("message catalogs", () => {
  it("have every message in every UI language, with the same parameters", () => {
    const keys = Object.keys(CATALOGS.en).sort();
    for (const lang of UI_LANGUAGES) {
      expect(Object.keys(CATALOGS[lang]).sort()).toEqual(keys);
      for (const key of keys) {
        const params = messageParameters;
        expect([lang, key, params(CATALOGS[lang][key as keyof typeof CATALOGS.en])]).toEqual([
          lang,
          key,
          params(CATALOGS.en[key as keyof typeof CATALOGS.en]),
        ]);
      }
    }
  });
  it("have a heading, said of a whole group, for every message that names one row's value", () => {
    const ROW_OWN = ["value", "rows", "more", "length", "candidates", "other", "country"];
    for (const lang of UI_LANGUAGES) {
      for (const [key, text] of Object.entries(CATALOGS[lang])) {
        const names = messageParameters(text).filter((name) => ROW_OWN.includes(name));
        if (names.length === 0) continue;
        const heading = HEADINGS[lang][key as keyof typeof CATALOGS.en];
        expect([lang, key, typeof heading]).toEqual([lang, key, "string"]);
        expect([lang, key, messageParameters(heading!).filter((n) => ROW_OWN.includes(n))]).toEqual(
          [lang, key, []]
        );
      }
    }
  });
  it("name no row's value in a group's heading", () => {
    const profile = getProfile("be");
    const one = {
      field: "contactEmail",
      code: "contactEmail.invalid",
      params: { value: "info@garage", domain: "be" },
    };
    expect(describeGroup(one, "fr", profile)).toBe(
      "Ce n'est pas une adresse e-mail valide : une seule adresse, par exemple nom@entreprise.be."
    );
    const duplicate = {
      field: "vatNumber",
      code: "vatNumber.duplicate",
      params: { rows: [43], more: 0 },
    };
    expect(describeGroup(duplicate, "fr", profile)).not.toContain("43");
  });
  it("show the API's own words for a code no catalog knows, never the raw code", () => {
    const profile = getProfile("be");
    const detail = "Clients of this region have no field ice.";
    const notInRegion = { field: "ice", code: "ice.notInRegion", params: { detail } };
    expect(describeProblem(notInRegion, "fr", profile)).toBe(detail);
    const schema = { field: "companyName", code: "schema.type", params: {} };
    expect(describeProblem(schema, "fr", profile)).toBe("L'API Partenaire a refusé cette valeur.");
    expect(describeProblem(schema, "en", profile)).not.toContain("schema");
  });
  it("fill in parameters and the country's name in the user's language", () => {
    const profile = getProfile("be");
    const problem = {
      field: "postalCode",
      code: "postalCode.format",
      params: { countryCode: "BE", example: "1000", value: "999" },
    };
    expect(describeProblem(problem, "fr", profile)).toBe(
      "Ce n'est pas un code postal valable pour ce pays : Belgique (par exemple 1000)."
    );
    expect(describeProblem(problem, "nl", profile)).toBe(
      "Geen postcode van België (bijvoorbeeld 1000)."
    );
    expect(
      describeProblem({ field: "companyName", code: "companyName.missingColumn" }, "en", profile)
    ).toBe("The required column “Company name” is missing from the sheet.");
  });
});

describe("the platform a display language points to", () => {
  it("is the region whose country the language tag names", () => {
    expect(profileIdForLocale("fr-MA")).toBe("ma");
    expect(profileIdForLocale("ar-MA")).toBe("ma");
    expect(profileIdForLocale("nl-BE")).toBe("be");
  });
  it("is the first region when the tag names no country of ours, or is no tag at all", () => {
    expect(PROFILES[profileIdForLocale("fr-FR")]).toBe(PROFILES[PROFILE_IDS[0]!]);
    expect(profileIdForLocale("en")).toBe(PROFILE_IDS[0]);
    expect(profileIdForLocale("not a tag")).toBe(PROFILE_IDS[0]);
    expect(profileIdForLocale(undefined)).toBe(PROFILE_IDS[0]);
  });
});
