import { Bootstrapped } from "../../components/bootstrapped.tsx";
import { SETTINGS_SECTIONS } from "./settings-sections.ts";

/** Settings: one block per section of `SETTINGS_SECTIONS`, each loading, failing and saving on its own. */
export function SettingsPage() {
  return (
    <Bootstrapped>
      {() => (
        <s-page heading="Settings">
          {SETTINGS_SECTIONS.map(({ id, Section }) => (
            <Section key={id} />
          ))}
        </s-page>
      )}
    </Bootstrapped>
  );
}
