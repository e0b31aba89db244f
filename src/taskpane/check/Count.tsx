import { Caption1, Text } from "@fluentui/react-components";
import { usePanelStyles } from "../panel-styles";

/** One of the counts at the top of the Check tab: a number over its label. */
export function Count({ label, value }: { label: string; value: number }) {
  const styles = usePanelStyles();
  return (
    <span className={styles.count}>
      <Text size={600} weight="semibold">
        {value}
      </Text>
      <Caption1>{label}</Caption1>
    </span>
  );
}
