/** The privacy requests' surface for other services: which topics are compliance topics, and recording them. */
export { buildPrivacyRequest, type ComplianceTopic, type PrivacyRow } from "./build-privacy-request.ts";
export { recordPrivacyRequest, type ComplianceDelivery } from "./record-privacy-request.ts";
export { writePrivacyRequests } from "./write-privacy-requests.ts";
