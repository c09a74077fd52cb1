/** Bindings the workerd test project runs with; the simulator started for tests registers the same app. */
export const TEST_ENV = {
  SHOPIFY_API_KEY: "test-api-key",
  SHOPIFY_API_SECRET: "test-api-secret",
  SHOPIFY_APP_URL: "https://segops.test",
  SHOPIFY_API_VERSION: "2026-07",
  ENVIRONMENT: "development",
  TOKEN_ENCRYPTION_KEY: "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
  CONNECT_LINK_SECRET: "test-connect-link-secret-0123456789",
  PUBSUB_AUDIENCE: "https://segops.test/webhooks/pubsub",
  PUBSUB_SERVICE_ACCOUNT: "shopify-pubsub@segops-test.iam.gserviceaccount.com",
  // Each queue batch's waitUntil (which the tests wait for) would otherwise wait out the interval.
  SHARD_WRITE_FLUSH_MS: "0",
} as const;
