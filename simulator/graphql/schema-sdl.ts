import { ALL_TOPICS, topicToEnum } from "../store/topics.ts";
import { COUNTRIES } from "../store/word-lists.ts";

const EXTRA_COUNTRIES = ["IN", "MX", "IE", "NZ", "CH", "AT", "BE", "DK", "NO", "FI", "PL", "PT", "SG", "KR", "CN", "ZA"];
const COUNTRY_CODES = [...new Set([...COUNTRIES.map((country) => country.code), ...EXTRA_COUNTRIES])].join(" ");
const PAGING = "first: Int, after: String, last: Int, before: String, reverse: Boolean = false";

/** The subset of Admin GraphQL 2026-07 the simulator serves; anything else fails validation visibly. */
export const SCHEMA_SDL = /* GraphQL */ `
scalar DateTime
scalar Decimal
scalar Money
scalar URL
scalar HTML
scalar JSON
scalar UnsignedInt64
scalar ARN

enum CurrencyCode { USD EUR GBP CAD AUD JPY BRL }
enum CountryCode { ${COUNTRY_CODES} }
enum WebhookSubscriptionTopic { ${ALL_TOPICS.map(topicToEnum).join(" ")} }
enum WebhookSubscriptionFormat { JSON XML }
enum CustomerEmailMarketingState { SUBSCRIBED NOT_SUBSCRIBED UNSUBSCRIBED PENDING INVALID REDACTED }
enum CustomerState { DISABLED INVITED ENABLED DECLINED }
enum OrderDisplayFinancialStatus { PAID PENDING PARTIALLY_REFUNDED REFUNDED VOIDED AUTHORIZED PARTIALLY_PAID EXPIRED }
enum OrderDisplayFulfillmentStatus { FULFILLED UNFULFILLED PARTIALLY_FULFILLED }
enum ProductStatus { ACTIVE DRAFT ARCHIVED }
enum MediaContentType { IMAGE VIDEO MODEL_3D EXTERNAL_VIDEO }
enum MetafieldOwnerType { PRODUCT PRODUCTVARIANT CUSTOMER ORDER SHOP COLLECTION DISCOUNT }
enum CustomerSortKeys { CREATED_AT ID LOCATION NAME RELEVANCE UPDATED_AT }
enum OrderSortKeys { CREATED_AT ID PROCESSED_AT TOTAL_PRICE UPDATED_AT RELEVANCE }
enum ProductSortKeys { CREATED_AT ID TITLE UPDATED_AT INVENTORY_TOTAL PRODUCT_TYPE VENDOR PUBLISHED_AT RELEVANCE }
enum AbandonedCheckoutSortKeys { CREATED_AT ID RELEVANCE CUSTOMER_NAME TOTAL_PRICE }
enum BulkOperationStatus { CANCELED CANCELING COMPLETED CREATED EXPIRED FAILED RUNNING }
enum BulkOperationErrorCode { ACCESS_DENIED INTERNAL_SERVER_ERROR TIMEOUT }
enum BulkOperationType { QUERY MUTATION }
enum BulkOperationUserErrorCode { INVALID LIMIT_REACHED OPERATION_IN_PROGRESS }
enum AppSubscriptionStatus { ACTIVE CANCELLED DECLINED EXPIRED FROZEN PENDING ACCEPTED }
enum AppSubscriptionReplacementBehavior { APPLY_IMMEDIATELY APPLY_ON_NEXT_BILLING_CYCLE STANDARD }
enum AppPricingInterval { ANNUAL EVERY_30_DAYS }
enum ErrorsWebPixelUserErrorCode { BLANK TAKEN NOT_FOUND INVALID_SETTINGS UNABLE_TO_DELETE INVALID_RUNTIME_CONTEXT }
enum MetafieldDefinitionCreateUserErrorCode { INVALID TAKEN TOO_LONG TOO_SHORT RESERVED_NAMESPACE_KEY INCLUSION PRESENT PINNED_LIMIT_REACHED }
enum MetafieldsSetUserErrorCode { INVALID INVALID_TYPE INVALID_VALUE BLANK LESS_THAN_OR_EQUAL_TO TOO_LONG APP_NOT_AUTHORIZED }
enum ProductSetUserErrorCode { INVALID_PRODUCT PRODUCT_DOES_NOT_EXIST HANDLE_NOT_UNIQUE VARIANTS_INPUT_MISSING VARIANTS_OVER_LIMIT OPTION_DOES_NOT_EXIST OPTION_VALUE_DOES_NOT_EXIST INVALID_INPUT GENERIC_ERROR }
enum ProductOperationStatus { ACTIVE COMPLETE CREATED }
enum MetafieldAdminAccessInput { MERCHANT_READ MERCHANT_READ_WRITE }
enum MetafieldAdminAccess { MERCHANT_READ MERCHANT_READ_WRITE PRIVATE PUBLIC_READ PUBLIC_READ_WRITE }
enum MetafieldStorefrontAccessInput { PUBLIC_READ NONE }
enum MetafieldStorefrontAccess { PUBLIC_READ NONE }
enum MetafieldCustomerAccountAccessInput { NONE READ READ_WRITE }
enum CustomerMarketingOptInLevel { SINGLE_OPT_IN CONFIRMED_OPT_IN UNKNOWN }
enum CustomerEmailAddressMarketingState { SUBSCRIBED NOT_SUBSCRIBED UNSUBSCRIBED PENDING INVALID }
enum OrderCancelReason { CUSTOMER DECLINED FRAUD INVENTORY OTHER STAFF }
enum CountPrecision { EXACT AT_LEAST }

interface Node { id: ID! }
interface Media { alt: String mediaContentType: MediaContentType! }

type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
type UserError { field: [String!] message: String! }
type MoneyV2 { amount: Decimal! currencyCode: CurrencyCode! }
type MoneyBag { shopMoney: MoneyV2! presentmentMoney: MoneyV2! }
type ApiVersion { handle: String! displayName: String! supported: Boolean! }

type ShopPlan { displayName: String! partnerDevelopment: Boolean! shopifyPlus: Boolean! }
type Shop implements Node { id: ID! name: String! email: String! myshopifyDomain: String! currencyCode: CurrencyCode! ianaTimezone: String! plan: ShopPlan! primaryDomain: Domain! }
type Domain { host: String! url: URL! }
type AccessScope { handle: String! description: String! }
type AppSubscription implements Node { id: ID! name: String! status: AppSubscriptionStatus! test: Boolean! trialDays: Int! currentPeriodEnd: DateTime createdAt: DateTime! returnUrl: URL! }
type App { id: ID! handle: String title: String! apiKey: String! }
input MoneyInput { amount: Decimal! currencyCode: CurrencyCode! }
input AppRecurringPricingInput { interval: AppPricingInterval price: MoneyInput! }
input AppPlanInput { appRecurringPricingDetails: AppRecurringPricingInput }
input AppSubscriptionLineItemInput { plan: AppPlanInput! }
type AppSubscriptionCreatePayload { appSubscription: AppSubscription confirmationUrl: URL userErrors: [UserError!]! }
type AppSubscriptionCancelPayload { appSubscription: AppSubscription userErrors: [UserError!]! }
type AppInstallation implements Node { id: ID! accessScopes: [AccessScope!]! activeSubscriptions: [AppSubscription!]! app: App! launchUrl: URL! }

type WebhookHttpEndpoint { callbackUrl: URL! }
type WebhookPubSubEndpoint { pubSubProject: String! pubSubTopic: String! }
type WebhookEventBridgeEndpoint { arn: ARN! }
union WebhookSubscriptionEndpoint = WebhookHttpEndpoint | WebhookPubSubEndpoint | WebhookEventBridgeEndpoint
type WebhookSubscriptionMetafieldIdentifier { namespace: String! key: String! }
type WebhookSubscription implements Node { id: ID! topic: WebhookSubscriptionTopic! uri: String! format: WebhookSubscriptionFormat! includeFields: [String!]! filter: String metafieldNamespaces: [String!]! metafields: [WebhookSubscriptionMetafieldIdentifier!]! createdAt: DateTime! updatedAt: DateTime! apiVersion: ApiVersion! endpoint: WebhookSubscriptionEndpoint! }
type WebhookSubscriptionEdge { cursor: String! node: WebhookSubscription! }
type WebhookSubscriptionConnection { edges: [WebhookSubscriptionEdge!]! nodes: [WebhookSubscription!]! pageInfo: PageInfo! }
input HasMetafieldsMetafieldIdentifierInput { namespace: String key: String! }
input WebhookSubscriptionInput { uri: String callbackUrl: URL format: WebhookSubscriptionFormat includeFields: [String!] filter: String metafieldNamespaces: [String!] metafields: [HasMetafieldsMetafieldIdentifierInput!] }
type WebhookSubscriptionCreatePayload { webhookSubscription: WebhookSubscription userErrors: [UserError!]! }
type WebhookSubscriptionDeletePayload { deletedWebhookSubscriptionId: ID userErrors: [UserError!]! }
type WebhookSubscriptionUpdatePayload { webhookSubscription: WebhookSubscription userErrors: [UserError!]! }

type WebPixel implements Node { id: ID! settings: JSON! }
input WebPixelInput { settings: JSON! }
type ErrorsWebPixelUserError { code: ErrorsWebPixelUserErrorCode field: [String!] message: String! }
type WebPixelCreatePayload { webPixel: WebPixel userErrors: [ErrorsWebPixelUserError!]! }
type WebPixelUpdatePayload { webPixel: WebPixel userErrors: [ErrorsWebPixelUserError!]! }
type WebPixelDeletePayload { deletedWebPixelId: ID userErrors: [ErrorsWebPixelUserError!]! }

type MetafieldDefinitionType { name: String! category: String! }
type MetafieldAccess { admin: MetafieldAdminAccess storefront: MetafieldStorefrontAccess }
type MetafieldDefinition implements Node { id: ID! name: String! namespace: String! key: String! description: String ownerType: MetafieldOwnerType! type: MetafieldDefinitionType! pinnedPosition: Int access: MetafieldAccess! }
type MetafieldDefinitionEdge { cursor: String! node: MetafieldDefinition! }
type MetafieldDefinitionConnection { edges: [MetafieldDefinitionEdge!]! nodes: [MetafieldDefinition!]! pageInfo: PageInfo! }
input MetafieldDefinitionValidationInput { name: String! value: String! }
input MetafieldAccessInput { admin: MetafieldAdminAccessInput storefront: MetafieldStorefrontAccessInput customerAccount: MetafieldCustomerAccountAccessInput }
input MetafieldCapabilityAdminFilterableInput { enabled: Boolean! }
input MetafieldCapabilitySmartCollectionConditionInput { enabled: Boolean! }
input MetafieldCapabilityUniqueValuesInput { enabled: Boolean! }
input MetafieldCapabilityCreateInput {
  adminFilterable: MetafieldCapabilityAdminFilterableInput smartCollectionCondition: MetafieldCapabilitySmartCollectionConditionInput uniqueValues: MetafieldCapabilityUniqueValuesInput
}
input MetafieldDefinitionInput { name: String! namespace: String key: String! type: String! ownerType: MetafieldOwnerType! description: String validations: [MetafieldDefinitionValidationInput!] pin: Boolean access: MetafieldAccessInput capabilities: MetafieldCapabilityCreateInput }
type MetafieldDefinitionCreateUserError { code: MetafieldDefinitionCreateUserErrorCode field: [String!] message: String! }
type MetafieldDefinitionCreatePayload { createdDefinition: MetafieldDefinition userErrors: [MetafieldDefinitionCreateUserError!]! }
type Metafield implements Node { id: ID! namespace: String! key: String! type: String! value: String! jsonValue: JSON! ownerType: MetafieldOwnerType! createdAt: DateTime! updatedAt: DateTime! compareDigest: String! }
type MetafieldEdge { cursor: String! node: Metafield! }
type MetafieldConnection { edges: [MetafieldEdge!]! nodes: [Metafield!]! pageInfo: PageInfo! }
input MetafieldsSetInput { ownerId: ID! namespace: String key: String! type: String value: String! compareDigest: String }
type MetafieldsSetUserError { code: MetafieldsSetUserErrorCode elementIndex: Int field: [String!] message: String! }
type MetafieldsSetPayload { metafields: [Metafield!] userErrors: [MetafieldsSetUserError!]! }

type MailingAddress implements Node { id: ID! address1: String address2: String city: String province: String provinceCode: String country: String countryCodeV2: CountryCode zip: String firstName: String lastName: String name: String phone: String company: String }
type CustomerEmailMarketingConsentState { marketingState: CustomerEmailMarketingState! marketingOptInLevel: CustomerMarketingOptInLevel consentUpdatedAt: DateTime }
type CustomerEmailAddress { emailAddress: String! marketingState: CustomerEmailAddressMarketingState! }
type Customer implements Node {
  id: ID! legacyResourceId: UnsignedInt64! email: String phone: String firstName: String lastName: String displayName: String!
  note: String tags: [String!]! state: CustomerState! verifiedEmail: Boolean! createdAt: DateTime! updatedAt: DateTime!
  amountSpent: MoneyV2! numberOfOrders: UnsignedInt64! defaultAddress: MailingAddress addresses(first: Int): [MailingAddress!]!
  emailMarketingConsent: CustomerEmailMarketingConsentState defaultEmailAddress: CustomerEmailAddress lastOrder: Order
  orders(${PAGING}, query: String, sortKey: OrderSortKeys = ID): OrderConnection!
  metafield(namespace: String, key: String!): Metafield
}
type CustomerEdge { cursor: String! node: Customer! }
type CustomerConnection { edges: [CustomerEdge!]! nodes: [Customer!]! pageInfo: PageInfo! }

type Image { id: ID url: URL! altText: String width: Int height: Int }
type MediaImage implements Node & Media { id: ID! alt: String mediaContentType: MediaContentType! image: Image }
type MediaEdge { cursor: String! node: Media! }
type MediaConnection { edges: [MediaEdge!]! nodes: [Media!]! pageInfo: PageInfo! }
type ImageEdge { cursor: String! node: Image! }
type ImageConnection { edges: [ImageEdge!]! nodes: [Image!]! pageInfo: PageInfo! }
type SEO { title: String description: String }
type ProductOption { id: ID! name: String! position: Int! values: [String!]! }
type SelectedOption { name: String! value: String! }
type ProductVariant implements Node { id: ID! legacyResourceId: UnsignedInt64! title: String! displayName: String! sku: String barcode: String price: Money! compareAtPrice: Money inventoryQuantity: Int selectedOptions: [SelectedOption!]! position: Int! product: Product! createdAt: DateTime! updatedAt: DateTime! }
type ProductVariantEdge { cursor: String! node: ProductVariant! }
type ProductVariantConnection { edges: [ProductVariantEdge!]! nodes: [ProductVariant!]! pageInfo: PageInfo! }
type Product implements Node {
  id: ID! legacyResourceId: UnsignedInt64! title: String! handle: String! description(truncateAt: Int): String! descriptionHtml: HTML!
  vendor: String! productType: String! tags: [String!]! status: ProductStatus! seo: SEO! options(first: Int): [ProductOption!]!
  variants(${PAGING}): ProductVariantConnection! variantsCount: Count images(${PAGING}): ImageConnection! media(${PAGING}): MediaConnection!
  featuredImage: Image featuredMedia: Media totalInventory: Int! onlineStoreUrl: URL createdAt: DateTime! updatedAt: DateTime! publishedAt: DateTime
  metafield(namespace: String, key: String!): Metafield metafields(${PAGING}, namespace: String): MetafieldConnection!
}
type Count { count: Int! precision: CountPrecision! }
input SEOInput { title: String description: String }
input OptionValueSetInput { id: ID name: String }
input OptionSetInput { id: ID name: String position: Int values: [OptionValueSetInput!] }
input VariantOptionValueInput { id: ID name: String optionId: ID optionName: String }
input ProductVariantSetInput { id: ID optionValues: [VariantOptionValueInput!]! price: Money compareAtPrice: Money sku: String barcode: String position: Int taxable: Boolean }
input FileSetInput { id: ID alt: String originalSource: String filename: String }
input ProductSetInput {
  id: ID title: String handle: String descriptionHtml: String vendor: String productType: String tags: [String!] status: ProductStatus
  seo: SEOInput productOptions: [OptionSetInput!] variants: [ProductVariantSetInput!] files: [FileSetInput!]
}
input ProductSetIdentifiers { id: ID handle: String }
type ProductSetUserError { code: ProductSetUserErrorCode field: [String!] message: String! }
type ProductSetOperation implements Node { id: ID! status: ProductOperationStatus! product: Product userErrors: [ProductSetUserError!]! }
type ProductSetPayload { product: Product productSetOperation: ProductSetOperation userErrors: [ProductSetUserError!]! }
type ProductEdge { cursor: String! node: Product! }
type ProductConnection { edges: [ProductEdge!]! nodes: [Product!]! pageInfo: PageInfo! }

type LineItem implements Node { id: ID! name: String! title: String! quantity: Int! currentQuantity: Int! sku: String variantTitle: String vendor: String variant: ProductVariant product: Product originalUnitPriceSet: MoneyBag! discountedUnitPriceSet: MoneyBag! originalTotalSet: MoneyBag! }
type LineItemEdge { cursor: String! node: LineItem! }
type LineItemConnection { edges: [LineItemEdge!]! nodes: [LineItem!]! pageInfo: PageInfo! }
type Refund implements Node { id: ID! createdAt: DateTime note: String totalRefundedSet: MoneyBag! }
type Order implements Node {
  id: ID! legacyResourceId: UnsignedInt64! name: String! email: String phone: String createdAt: DateTime! processedAt: DateTime! updatedAt: DateTime!
  cancelledAt: DateTime cancelReason: OrderCancelReason closed: Boolean! closedAt: DateTime test: Boolean! tags: [String!]! sourceName: String
  displayFinancialStatus: OrderDisplayFinancialStatus displayFulfillmentStatus: OrderDisplayFulfillmentStatus! currencyCode: CurrencyCode!
  totalPriceSet: MoneyBag! subtotalPriceSet: MoneyBag totalTaxSet: MoneyBag totalShippingPriceSet: MoneyBag! totalRefundedSet: MoneyBag! currentTotalPriceSet: MoneyBag!
  customer: Customer billingAddress: MailingAddress shippingAddress: MailingAddress
  lineItems(${PAGING}): LineItemConnection! refunds(first: Int): [Refund!]!
}
type OrderEdge { cursor: String! node: Order! }
type OrderConnection { edges: [OrderEdge!]! nodes: [Order!]! pageInfo: PageInfo! }

type AbandonedCheckoutLineItem { id: ID! title: String quantity: Int! sku: String variantTitle: String variant: ProductVariant product: Product originalUnitPriceSet: MoneyBag! originalTotalPriceSet: MoneyBag! }
type AbandonedCheckoutLineItemEdge { cursor: String! node: AbandonedCheckoutLineItem! }
type AbandonedCheckoutLineItemConnection { edges: [AbandonedCheckoutLineItemEdge!]! nodes: [AbandonedCheckoutLineItem!]! pageInfo: PageInfo! }
type AbandonedCheckout implements Node {
  id: ID! name: String! abandonedCheckoutUrl: URL! createdAt: DateTime! updatedAt: DateTime! completedAt: DateTime customer: Customer
  totalPriceSet: MoneyBag! subtotalPriceSet: MoneyBag! taxesIncluded: Boolean! note: String! discountCodes: [String!]!
  billingAddress: MailingAddress shippingAddress: MailingAddress lineItems(${PAGING}): AbandonedCheckoutLineItemConnection!
}
type AbandonedCheckoutEdge { cursor: String! node: AbandonedCheckout! }
type AbandonedCheckoutConnection { edges: [AbandonedCheckoutEdge!]! nodes: [AbandonedCheckout!]! pageInfo: PageInfo! }

type TagsAddPayload { node: Node userErrors: [UserError!]! }
type TagsRemovePayload { node: Node userErrors: [UserError!]! }

type Segment implements Node { id: ID! name: String! query: String! creationDate: DateTime! lastEditDate: DateTime! }
type SegmentEdge { cursor: String! node: Segment! }
type SegmentConnection { edges: [SegmentEdge!]! nodes: [Segment!]! pageInfo: PageInfo! }
type SegmentCreatePayload { segment: Segment userErrors: [UserError!]! }
type SegmentUpdatePayload { segment: Segment userErrors: [UserError!]! }
type SegmentDeletePayload { deletedSegmentId: ID userErrors: [UserError!]! }

type FlowTriggerReceivePayload { userErrors: [UserError!]! }

type BulkOperation implements Node { id: ID! status: BulkOperationStatus! errorCode: BulkOperationErrorCode createdAt: DateTime! completedAt: DateTime objectCount: UnsignedInt64! rootObjectCount: UnsignedInt64! fileSize: UnsignedInt64 url: URL partialDataUrl: URL query: String! type: BulkOperationType! }
type BulkOperationEdge { cursor: String! node: BulkOperation! }
type BulkOperationConnection { edges: [BulkOperationEdge!]! nodes: [BulkOperation!]! pageInfo: PageInfo! }
type BulkOperationUserError { code: BulkOperationUserErrorCode field: [String!] message: String! }
type BulkOperationRunQueryPayload { bulkOperation: BulkOperation userErrors: [BulkOperationUserError!]! }
type BulkOperationCancelPayload { bulkOperation: BulkOperation userErrors: [UserError!]! }

type QueryRoot {
  shop: Shop!
  currentAppInstallation: AppInstallation!
  webhookSubscriptions(${PAGING}, topics: [WebhookSubscriptionTopic!], uri: String): WebhookSubscriptionConnection!
  webPixel(id: ID): WebPixel
  metafieldDefinitions(${PAGING}, ownerType: MetafieldOwnerType!, namespace: String, key: String, query: String): MetafieldDefinitionConnection!
  customers(${PAGING}, query: String, sortKey: CustomerSortKeys = ID): CustomerConnection!
  customer(id: ID!): Customer
  orders(${PAGING}, query: String, sortKey: OrderSortKeys = PROCESSED_AT): OrderConnection!
  order(id: ID!): Order
  products(${PAGING}, query: String, sortKey: ProductSortKeys = ID): ProductConnection!
  product(id: ID!): Product
  abandonedCheckouts(${PAGING}, query: String, sortKey: AbandonedCheckoutSortKeys = ID): AbandonedCheckoutConnection!
  segments(${PAGING}, query: String): SegmentConnection!
  segment(id: ID!): Segment
  node(id: ID!): Node
  nodes(ids: [ID!]!): [Node]!
  currentBulkOperation(type: BulkOperationType = QUERY): BulkOperation
  bulkOperations(${PAGING}, query: String): BulkOperationConnection!
}

type Mutation {
  webhookSubscriptionCreate(topic: WebhookSubscriptionTopic!, webhookSubscription: WebhookSubscriptionInput!): WebhookSubscriptionCreatePayload
  webhookSubscriptionDelete(id: ID!): WebhookSubscriptionDeletePayload
  webhookSubscriptionUpdate(id: ID!, webhookSubscription: WebhookSubscriptionInput!): WebhookSubscriptionUpdatePayload
  webPixelCreate(webPixel: WebPixelInput!): WebPixelCreatePayload
  webPixelUpdate(id: ID!, webPixel: WebPixelInput!): WebPixelUpdatePayload
  webPixelDelete(id: ID!): WebPixelDeletePayload
  metafieldDefinitionCreate(definition: MetafieldDefinitionInput!): MetafieldDefinitionCreatePayload
  metafieldsSet(metafields: [MetafieldsSetInput!]!): MetafieldsSetPayload
  productSet(input: ProductSetInput!, synchronous: Boolean = true, identifier: ProductSetIdentifiers): ProductSetPayload
  tagsAdd(id: ID!, tags: [String!]!): TagsAddPayload
  tagsRemove(id: ID!, tags: [String!]!): TagsRemovePayload
  segmentCreate(name: String!, query: String!): SegmentCreatePayload
  segmentUpdate(id: ID!, name: String, query: String): SegmentUpdatePayload
  segmentDelete(id: ID!): SegmentDeletePayload
  flowTriggerReceive(handle: String, payload: JSON, body: String): FlowTriggerReceivePayload
  bulkOperationRunQuery(query: String!, groupObjects: Boolean!): BulkOperationRunQueryPayload
  bulkOperationCancel(id: ID!): BulkOperationCancelPayload
  appSubscriptionCreate(name: String!, lineItems: [AppSubscriptionLineItemInput!]!, returnUrl: URL!, test: Boolean, trialDays: Int, replacementBehavior: AppSubscriptionReplacementBehavior): AppSubscriptionCreatePayload
  appSubscriptionCancel(id: ID!, prorate: Boolean): AppSubscriptionCancelPayload
}

schema { query: QueryRoot mutation: Mutation }
`;
