import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { validateIBAN } from "ibantools";
import { judgeIban, REGISTRY_CORRECTIONS } from "../../src/core/iban";
import { ibanFor } from "../../testkit/oracles";

/** Every IBAN-shaped word in the test sources (this file's own examples included). */
function ibansInTheTests(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name)) {
        for (const match of readFileSync(path, "utf8").matchAll(
          /\b[A-Z]{2}\d{2}[A-Z0-9]{10,30}\b/g
        ))
          found.add(match[0]);
      }
    }
  };
  walk(join(__dirname, ".."));
  return [...found];
}

/** Valid IBANs whose check digits are 98, 97 or 02: their 01, 00 and 99 twins pass mod 97. */
function reservedTwins(): string[] {
  const twins: string[] = [];
  const wanted = new Map([
    ["98", "01"],
    ["97", "00"],
    ["02", "99"],
  ]);
  for (let account = 1; twins.length < 3 && account < 100_000; account++) {
    const bban = `HLFX${String(account).padStart(14, "0")}`;
    const valid = ibanFor("GB", bban);
    const twin = wanted.get(valid.slice(2, 4));
    if (twin) {
      wanted.delete(valid.slice(2, 4));
      twins.push(`GB${twin}${bban}`);
    }
  }
  return twins;
}

describe("IBAN check digits", () => {
  it("refuses 00, 01 and 99 although the remainder is 1 (ISO 13616 allows 02–98)", () => {
    const twins = reservedTwins();
    expect(twins.map((iban) => iban.slice(2, 4)).sort()).toEqual(["00", "01", "99"]);
    for (const iban of [...twins, "GB00HLFX11016111455365", "BE00539100008949"]) {
      expect([iban, judgeIban(iban)]).toEqual([iban, "checksum"]);
    }
  });
});

describe("IBAN structure: the SWIFT registry where ibantools differs", () => {
  // SWIFT IBAN registry, "BBAN structure": VG 4!a16!n, IE 4!a6!n8!n, PS 4!a21!c.
  it("refuses a bank code with digits in VG, IE and PS", () => {
    for (const iban of [
      "VG46H07Y0223060094359858",
      "IE95TE8270900834048660",
      "PS072435171802145240705922007",
    ]) {
      expect([iban, validateIBAN(iban).valid]).toEqual([iban, true]);
      expect([iban, judgeIban(iban)]).toEqual([iban, "invalid"]);
    }
  });
  it("accepts letters in the Palestinian account", () => {
    expect(validateIBAN("PS92PALS00000000040012345670O").valid).toBe(false);
    expect(judgeIban("PS92PALS00000000040012345670O")).toBe("ok");
  });
  it("accepts the registry's own examples of the corrected countries", () => {
    expect(judgeIban("VG96VPVG0000012345678901")).toBe("ok");
    expect(judgeIban("IE29AIBK93115212345678")).toBe("ok");
    expect(judgeIban("PS92PALS000000000400123456702")).toBe("ok");
  });
});

// The registry's example IBANs of countries our users' clients bank in, beside the tests' own.
const REGISTRY_EXAMPLES = `AD1200012030200359100100 AT611904300234573201 BG80BNBG96611020345678
CH9300762011623852957 CY17002001280000001200527600 CZ6508000000192000145399
DE89370400440532013000 DK5000400440116243 EE382200221020145685 ES9121000418450200051332
FI2112345600000785 GB29NWBK60161331926819 GR1601101250000000012300695 HR1210010051863000160
HU42117730161111101800000000 IT60X0542811101000000123456 LU280019400644750000
LT121000011101001000 LV80BANK0000435195001 MT84MALT011000012345MTLCAST001S NO9386011117947
PL61109010140000071219812874 PT50000201231234567890154 SE4550000000058398257466
SI56263300012039086 SK3112000000198742637541 TR330006100519786457841326
SA0380000000608010167519 LI21088100002324013AA IS140159260076545510730339
MC5811222000010123456789030 SM86U0322509800000000270100 TN5910006035183598478831`;

describe("IBAN: our judgement and ibantools.validateIBAN", () => {
  it("agree on every IBAN in the tests, outside the registry corrections", () => {
    const ibans = [...ibansInTheTests(), ...REGISTRY_EXAMPLES.split(/\s+/)];
    expect(ibans.length).toBeGreaterThan(40);
    const disagreements = ibans
      .filter((iban) => !(iban.slice(0, 2) in REGISTRY_CORRECTIONS))
      .filter((iban) => {
        const ours = judgeIban(iban);
        // The RIB key is a Moroccan check on top of the IBAN: ibantools does not know it.
        const oursValid = ours === "ok" || ours === "rib";
        return oursValid !== validateIBAN(iban).valid;
      });
    expect(disagreements).toEqual([]);
  });
});

describe("IBAN: Belgium's account check, done in place", () => {
  it("agrees with ibantools on every Belgian account of a sample, right and wrong", () => {
    // Account numbers spread over the range, each with its right key and a wrong one: the
    // key 97 (remainder 0) included, and keys off by one.
    const ibans: string[] = [];
    for (let n = 0; n < 2_000; n++) {
      const account = String(539_007_547 + n * 4_999_999)
        .padStart(10, "0")
        .slice(-10);
      const remainder = Number(BigInt(account) % 97n);
      const key = remainder === 0 ? 97 : remainder;
      for (const candidate of [key, (key % 97) + 1]) {
        ibans.push(ibanFor("BE", `${account}${String(candidate).padStart(2, "0")}`));
      }
    }
    ibans.push(ibanFor("BE", "000000000097"), ibanFor("BE", "000000000000"));
    const disagreements = ibans.filter(
      (iban) => (judgeIban(iban) === "ok") !== validateIBAN(iban).valid
    );
    expect(disagreements).toEqual([]);
    expect(ibans.filter((iban) => judgeIban(iban) === "ok")).toHaveLength(2_001);
  });
});
