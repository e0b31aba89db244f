import {
  BIS_BILLING_INVOICE,
  parseServiceGroup,
  receivesInvoices,
  serviceGroupXml,
} from "../../src/sandbox/registries/smp";

const CREDIT_NOTE =
  "busdox-docid-qns::urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2::CreditNote##urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0::2.1";
const ORDER =
  "busdox-docid-qns::urn:oasis:names:specification:ubl:schema:xsd:Order-2::Order##urn:fdc:peppol.eu:poacc:trns:order:3::2.1";

describe("an SMP's service group", () => {
  it("reads back what the sandbox's SMP writes: the participant and its document types", () => {
    const xml = serviceGroupXml(
      "https://smp.sandbox.test/",
      "iso6523-actorid-upis::0208:0403019261",
      [BIS_BILLING_INVOICE, CREDIT_NOTE]
    );
    const group = parseServiceGroup(xml);
    expect(group).toEqual({
      participant: "iso6523-actorid-upis::0208:0403019261",
      documentTypes: [BIS_BILLING_INVOICE, CREDIT_NOTE],
    });
    expect(receivesInvoices(group)).toBe(true);
  });

  it("reads the shapes SMPs write: other prefixes, unencoded references, none, and odd ones skipped", () => {
    const prefixed = `<?xml version="1.0"?>
<ns2:ServiceGroup xmlns:ns2="http://busdox.org/serviceMetadata/publishing/1.0/" xmlns:id="http://busdox.org/transport/identifiers/1.0/">
  <id:ParticipantIdentifier scheme="iso6523-actorid-upis">0208:0899965307</id:ParticipantIdentifier>
  <ns2:ServiceMetadataReferenceCollection>
    <ns2:ServiceMetadataReference href='http://smp.example.test/iso6523-actorid-upis::0208:0899965307/services/${ORDER}'/>
    <ns2:ServiceMetadataReference href="http://smp.example.test/iso6523-actorid-upis::0208:0899965307"/>
    <ns2:ServiceMetadataReference href="http://smp.example.test/services/%zz"/>
    <ns2:ServiceMetadataReference/>
  </ns2:ServiceMetadataReferenceCollection>
</ns2:ServiceGroup>`;
    const group = parseServiceGroup(prefixed);
    expect(group).toEqual({
      participant: "iso6523-actorid-upis::0208:0899965307",
      documentTypes: [ORDER],
    });
    // Registered on Peppol, but not for invoices.
    expect(receivesInvoices(group)).toBe(false);
    const empty = parseServiceGroup(
      `<ServiceGroup xmlns="http://busdox.org/serviceMetadata/publishing/1.0/"><ServiceMetadataReferenceCollection/></ServiceGroup>`
    );
    expect(empty.documentTypes).toEqual([]);
  });

  it("says when an answer is no service group", () => {
    expect(() => parseServiceGroup("<html><body>Not found</body></html>")).toThrow(
      /not a ServiceGroup/
    );
    expect(() => parseServiceGroup("")).toThrow(/not a ServiceGroup|not XML/);
  });
});
