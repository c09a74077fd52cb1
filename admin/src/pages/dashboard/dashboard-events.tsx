import { useState } from "preact/hooks";
import { EventStream } from "./event-stream.tsx";
import { EventVolume } from "./event-volume.tsx";

/** What has arrived: the 14-day volume chart, recounted as the live event stream sees new events. */
export function DashboardEvents() {
  const [newest, setNewest] = useState<string | null | undefined>(undefined);
  return (
    <>
      <EventVolume newest={newest} />
      <EventStream onNewest={setNewest} />
    </>
  );
}
