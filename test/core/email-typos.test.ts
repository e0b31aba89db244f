import { getProfile, suggestEmailDomain, Validator } from "../../src/core";
import { VALID } from "../../testkit/judge";

describe("likely typos in e-mail domains", () => {
  it("suggests the common provider an address most likely meant", () => {
    expect(suggestEmailDomain("sophie@gmail.con")).toBe("sophie@gmail.com");
    expect(suggestEmailDomain("sophie@gmial.com")).toBe("sophie@gmail.com");
    expect(suggestEmailDomain("jan@hotmial.be")).toBe("jan@hotmail.be");
    expect(suggestEmailDomain("jan@hotmail.cmo")).toBe("jan@hotmail.com");
    expect(suggestEmailDomain("karima@menra.ma")).toBe("karima@menara.ma");
  });

  it("answers the same for a domain whatever domains were met before, many or alike", () => {
    // Domains that end one another, and more of them than are remembered.
    for (let i = 0; i < 12_000; i++) suggestEmailDomain(`x@client${i}.gmail.con`);
    expect(suggestEmailDomain("a@gmail.con")).toBe("a@gmail.com");
    expect(suggestEmailDomain("b@xyzgmail.con")).toBeUndefined();
    expect(suggestEmailDomain("d@gmail.con")).toBe("d@gmail.com");
    expect(suggestEmailDomain("e@client5.gmail.con")).toBeUndefined();
  });

  it("suggests nothing for real domains, company domains or other changes", () => {
    for (const address of [
      "sophie@gmail.com",
      "jan@hotmail.de",
      "contact@lime.be",
      // Names that objects carry: a domain is compared with providers, not with them.
      "info@constructor.com",
      "info@tostring.be",
      "info@__proto__.be",
      "info@live.be",
      "info@orang.be",
      "a@gmail.co",
      "a@gmaillll.com",
      "a@fiduciaire-lambert.be",
    ])
      expect({ address, suggestion: suggestEmailDomain(address) }).toEqual({
        address,
        suggestion: undefined,
      });
  });

  it("leaves the row valid: a warning with a suggestion, never a certain fix", () => {
    const profile = getProfile("be");
    const validator = new Validator(profile);
    const cells = profile.fields.map((field) =>
      field.key === "contactEmail" ? "sophie@gmail.con" : VALID.be[field.key]
    );
    const judged = validator.validateRow({ row: 2, cells })!;
    expect(judged.problems).toEqual([]);
    expect(judged.warnings).toEqual([
      {
        row: 2,
        field: "contactEmail",
        code: "contactEmail.domainTypo",
        params: { value: "sophie@gmail.con", suggestion: "sophie@gmail.com" },
        fix: null,
      },
    ]);
    const bulk = validator.validateRows([{ row: 2, cells }]);
    expect(bulk.problems).toEqual([]);
    expect(bulk.warnings.map((warning) => warning.code)).toEqual(["contactEmail.domainTypo"]);
  });
});
