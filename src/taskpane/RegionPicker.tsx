import * as React from "react";
import { Button, Field, Radio, RadioGroup } from "@fluentui/react-components";
import { PROFILES, type ProfileId } from "../core";
import { useLanguage } from "./i18n";

/** Asks once per workbook which platform region it is for. */
export function RegionPicker({
  initial,
  onChoose,
}: {
  initial: ProfileId;
  onChoose: (region: ProfileId) => void;
}): React.JSX.Element {
  const { lang, t } = useLanguage();
  const [region, setRegion] = React.useState<ProfileId>(initial);
  return (
    <section aria-label={t("regionQuestion")}>
      <Field label={t("regionQuestion")} hint={t("regionHint")}>
        <RadioGroup value={region} onChange={(_event, data) => setRegion(data.value as ProfileId)}>
          {Object.values(PROFILES).map((candidate) => (
            <Radio key={candidate.id} value={candidate.id} label={candidate.name[lang]} />
          ))}
        </RadioGroup>
      </Field>
      <Button appearance="primary" onClick={() => onChoose(region)}>
        {t("regionSave")}
      </Button>
    </section>
  );
}
