import {
  legacySmlHostName,
  participantParts,
  SML_ZONES,
  smlHostName,
} from "../../src/sandbox/registries/sml";

// The examples published with the Peppol SML specification and the Peppol Policy for use of
// identifiers (policy 7), as open-source Peppol clients test against them.
describe("the SML host name of a Peppol participant", () => {
  it("is the Base32 of the value's SHA-256 under the scheme and the zone (current scheme)", () => {
    const cases: [string, string][] = [
      ["iso6523-actorid-upis::0088:123abc", "y7dzfxaf3d4cjz4kcgrxtec6twvcga4ky7zwa5boif6mswd4tdrq"],
      [
        "iso6523-actorid-upis::0010:5798000000001",
        "xukhfqabqziki3ykvr2fhr4snfa3pf5vpq6k4tonv3lmvsy5arvq",
      ],
      ["iso6523-actorid-upis::9915:test", "eh5boavaktmbgzyh2a63dz4qov33fvp5nsdvqklucfraayoodw6a"],
    ];
    for (const [participant, label] of cases)
      expect(smlHostName(participant, SML_ZONES.test)).toBe(
        `${label}.iso6523-actorid-upis.acc.edelivery.tech.ec.europa.eu`
      );
    // Identifiers do not depend on case.
    expect(smlHostName("iso6523-actorid-upis::0088:123ABC", SML_ZONES.test)).toBe(
      smlHostName("iso6523-actorid-upis::0088:123abc", SML_ZONES.test)
    );
  });

  it("is B- and the value's MD5 in the older scheme", () => {
    expect(legacySmlHostName("iso6523-actorid-upis::9915:test", SML_ZONES.test)).toBe(
      "B-85008b8279e07ab0392da75fa55856a2.iso6523-actorid-upis.acc.edelivery.tech.ec.europa.eu"
    );
    expect(legacySmlHostName("iso6523-actorid-upis::9908:991825827", SML_ZONES.production)).toBe(
      "B-770c6f5843e9e302de47ae4026307076.iso6523-actorid-upis.edelivery.tech.ec.europa.eu"
    );
  });

  it("refuses what is no participant identifier", () => {
    expect(participantParts("iso6523-actorid-upis::0208:0403019261")).toEqual({
      scheme: "iso6523-actorid-upis",
      value: "0208:0403019261",
    });
    for (const bad of ["0208:0403019261", "::0208:1", "iso6523-actorid-upis::"])
      expect(() => smlHostName(bad, SML_ZONES.production)).toThrow(/not a participant/);
  });
});
