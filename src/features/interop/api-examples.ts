/**
 * The head of a message 130401 as the export answers it, for the OpenAPI document: invented data, shortened (the
 * full, schema-valid example is standards/xauslaender/examples/ozg-fachkraefte-130401.xml).
 */
export const MESSAGE_130401_EXAMPLE = `<?xml version="1.0" encoding="UTF-8"?>
<xauslaender:OZG.Fachkraefte.130401 xmlns:xauslaender="http://www.osci.de/xauslaender2611" standard="XAusländer" version="26.11" produkt="Chancenregion" produkthersteller="Chancenregion" produktversion="1.0.0">
  <nachrichtenkopf.g2g>
    <identifikation.nachricht>
      <nachrichtenUUID>3f2b8c4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f</nachrichtenUUID>
      <nachrichtentyp listURI="urn:de:xauslaender:codelist:nachrichtentyp" listVersionID="19"><code>130401</code></nachrichtentyp>
      <erstellungszeitpunkt>2026-11-02T10:15:00+01:00</erstellungszeitpunkt>
    </identifikation.nachricht>
  </nachrichtenkopf.g2g>
</xauslaender:OZG.Fachkraefte.130401>
`;
