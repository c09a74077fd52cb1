import { useState } from "preact/hooks";
import { toApiError, type ApiError } from "../../api/api-error.ts";
import type { PixelSettingsResponse } from "../../api/client.ts";
import { Bootstrapped } from "../../components/bootstrapped.tsx";
import { ErrorState } from "../../components/error-state.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { useAdmin } from "../../state/admin-context.tsx";
import { PixelStatus } from "./pixel-status.tsx";
import { parseSampling, SamplingField } from "./sampling-field.tsx";
import { TrackedEvents } from "./tracked-events.tsx";
import { usePixelSettings } from "./use-pixel-settings.ts";

type Draft = { trackedEvents: string[]; sampling: string };

const savedDraft = (view: PixelSettingsResponse): Draft => ({
  trackedEvents: view.trackedEvents.filter((event) => event.tracked).map((event) => event.name),
  sampling: String(view.samplingPercent),
});

const sameDraft = (a: Draft, b: Draft) => a.sampling.trim() === b.sampling && a.trackedEvents.toSorted().join() === b.trackedEvents.toSorted().join();

export function PixelPage() {
  return <Bootstrapped>{() => <Pixel />}</Bootstrapped>;
}

/** Tracked events, sampling, consent and live counts; edits stay local until saved. */
function Pixel() {
  const { api } = useAdmin();
  const { state, pollError, reload } = usePixelSettings();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ApiError | null>(null);

  if (state.status === "loading") return <LoadingState label="Loading the pixel's settings…" />;
  if (state.status === "error") {
    return (
      <s-page heading="Pixel">
        <ErrorState title="The pixel's settings could not be loaded" error={state.error} onRetry={() => void reload()} />
      </s-page>
    );
  }
  const { view } = state;
  const saved = savedDraft(view);
  const current = draft ?? saved;
  const samplingPercent = parseSampling(current.sampling);
  const dirty = !sameDraft(current, saved);

  const toggle = (name: string, on: boolean) => {
    const others = current.trackedEvents.filter((tracked) => tracked !== name);
    setDraft({ ...current, trackedEvents: on ? [...others, name] : others });
  };
  const save = async () => {
    if (samplingPercent === null) return;
    setSaving(true);
    setSaveError(null);
    try {
      await api.pixel.save({ trackedEvents: current.trackedEvents, samplingPercent });
      await reload();
      setDraft(null);
      shopify.toast.show("Pixel settings saved: visitors get them on their next page load");
    } catch (error) {
      setSaveError(toApiError(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <s-page heading="Pixel">
      <s-button slot="primary-action" variant="primary" loading={saving} disabled={!dirty || samplingPercent === null} onClick={() => void save()}>
        Save
      </s-button>
      {saveError && <ErrorState title="The pixel's settings were not saved" error={saveError} />}
      {pollError && <ErrorState title="Live counts could not be refreshed" error={pollError} />}
      <s-banner tone="info">
        Saved changes take effect at the pixel's next handshake: each visitor's next page load, within a minute of saving.
        {dirty ? " You have unsaved changes." : ""}
      </s-banner>
      <PixelStatus pixel={view.pixel} consent={view.consent} />
      <TrackedEvents events={view.trackedEvents} selected={current.trackedEvents} counts={view.counts} onToggle={toggle} />
      <SamplingField text={current.sampling} onChange={(sampling) => setDraft({ ...current, sampling })} />
    </s-page>
  );
}
