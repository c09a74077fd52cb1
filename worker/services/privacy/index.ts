/**
 * The privacy unit's surface for other services: recording compliance requests, and what every writer of customer
 * data asks before writing (was this tenant or shop erased, was this customer redacted).
 */
export { buildPrivacyRequest, type ComplianceTopic, type PrivacyRow } from "./build-privacy-request.ts";
export { recordPrivacyRequest, type ComplianceDelivery } from "./record-privacy-request.ts";
export { writePrivacyRequests } from "./write-privacy-requests.ts";
export { shopHash, type Subject } from "./subject-hash.ts";
export { subjectsInPayload, subjectsInText } from "./subjects-in-payload.ts";
export { findTenantsWithRedactions, loadRedactionProbe, type RedactionProbe } from "./find-redacted-subjects.ts";
export { isTombstoned, loadTombstones, NO_TOMBSTONES, type Tombstones } from "./load-tombstones.ts";
export { queuePrivacyRequest } from "./queue-privacy-request.ts";
export { findErasedMessages, findErasedTenants } from "./find-erased-messages.ts";
export { loadHotWindow, type HotWindow } from "./archive/hot-window.ts";
