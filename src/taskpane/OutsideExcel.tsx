import * as React from "react";
import { Divider, Field, Radio, RadioGroup } from "@fluentui/react-components";
import { PROFILES, type ProfileId } from "../core";
import { ColumnsHelp } from "./ColumnsHelp";
import { LanguageContext } from "./i18n";

/** Outside Excel: the columns and rules of each region's template. */
export default function OutsideExcel({ initialRegion }: { initialRegion: ProfileId }) {
  const [region, setRegion] = React.useState<ProfileId>(initialRegion);
  return (
    <LanguageContext.Consumer>
      {({ lang, t }) => (
        <>
          <Field label={t("region")}>
            <RadioGroup
              value={region}
              onChange={(_event, data) => setRegion(data.value as ProfileId)}
              layout="horizontal"
            >
              {Object.values(PROFILES).map((candidate) => (
                <Radio key={candidate.id} value={candidate.id} label={candidate.name[lang]} />
              ))}
            </RadioGroup>
          </Field>
          <Divider />
          <ColumnsHelp profile={PROFILES[region]} />
        </>
      )}
    </LanguageContext.Consumer>
  );
}
