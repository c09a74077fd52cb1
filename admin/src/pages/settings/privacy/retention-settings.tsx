import { useEffect, useState } from "preact/hooks";
import { toApiError, type ApiError } from "../../../api/api-error.ts";
import type { PrivacySettingsResponse } from "../../../api/client.ts";
import { ErrorState } from "../../../components/error-state.tsx";
import { LoadingState } from "../../../components/loading-state.tsx";
import { useAdmin } from "../../../state/admin-context.tsx";

type SettingsState = { status: "loading" } | { status: "ready"; view: PrivacySettingsResponse } | { status: "error"; error: ApiError };

/** `"90"` → 90 when it is a whole number within `[min, max]`, else null. */
const parseDays = (text: string, min: number, max: number): number | null => {
  if (!/^\d{1,4}$/.test(text.trim())) return null;
  const days = Number(text);
  return days >= min && days <= max ? days : null;
};

/** How long events are kept (the merchant's choice) and what SegOps keeps for a fixed time. */
export function RetentionSettings() {
  const { api } = useAdmin();
  const [state, setState] = useState<SettingsState>({ status: "loading" });
  const [text, setText] = useState<string | null>(null);
  const [hotText, setHotText] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ApiError | null>(null);

  const load = async () => {
    try {
      setState({ status: "ready", view: await api.privacy.settings() });
    } catch (error) {
      setState({ status: "error", error: toApiError(error) });
    }
  };
  useEffect(() => void load(), [api]);

  if (state.status === "loading") return <LoadingState label="Loading data retention…" />;
  if (state.status === "error") return <ErrorState title="Data retention could not be loaded" error={state.error} onRetry={() => void load()} />;
  const { view } = state;
  const current = text ?? String(view.eventRetentionDays);
  const days = parseDays(current, view.minEventRetentionDays, view.maxEventRetentionDays);
  const hotCurrent = hotText ?? String(view.hotWindowDays);
  const hotDays = parseDays(hotCurrent, view.minHotWindowDays, view.maxHotWindowDays);
  const dirty = days !== view.eventRetentionDays || hotDays !== view.hotWindowDays;
  const save = async () => {
    if (days === null || hotDays === null) return;
    setSaving(true);
    setSaveError(null);
    try {
      setState({ status: "ready", view: await api.privacy.saveSettings({ eventRetentionDays: days, hotWindowDays: hotDays }) });
      setText(null);
      setHotText(null);
      shopify.toast.show("Data retention saved: the next nightly run applies it");
    } catch (error) {
      setSaveError(toApiError(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <s-section heading="Data retention">
      <s-stack gap="base">
        {saveError && <ErrorState title="Data retention was not saved" error={saveError} />}
        <s-number-field
          label="Keep events for (days)"
          value={current}
          min={view.minEventRetentionDays}
          max={view.maxEventRetentionDays}
          step={1}
          details={`Default ${view.defaultEventRetentionDays} days. Events older than this are deleted every night.`}
          error={days === null ? `A whole number of days from ${view.minEventRetentionDays} to ${view.maxEventRetentionDays}` : undefined}
          onInput={(event) => setText(event.currentTarget.value ?? "")}
        />
        <s-number-field
          label="Keep raw events in the database for (days)"
          value={hotCurrent}
          min={view.minHotWindowDays}
          max={view.maxHotWindowDays}
          step={1}
          details={`Default ${view.defaultHotWindowDays} days. Older events move nightly to the event archive (kept until the retention above); segments still count them with .count(all). At least ${view.minHotWindowDays} days: the longest window your segments count events in.`}
          error={hotDays === null ? `A whole number of days from ${view.minHotWindowDays} to ${view.maxHotWindowDays}` : undefined}
          onInput={(event) => setHotText(event.currentTarget.value ?? "")}
        />
        <s-paragraph color="subdued">
          {`Raw webhook bodies, quarantined input and failed queue messages are kept ${view.rawBodyRetentionDays} days; customer data exports ${view.exportRetentionDays} days. Everything else about your customers stays until they ask to be erased or you uninstall SegOps (erased 48 hours later).`}
        </s-paragraph>
        <s-stack direction="inline">
          <s-button variant="primary" loading={saving} disabled={!dirty || days === null || hotDays === null} onClick={() => void save()}>
            Save retention
          </s-button>
        </s-stack>
      </s-stack>
    </s-section>
  );
}
