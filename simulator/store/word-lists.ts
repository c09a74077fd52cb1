export interface CountryInfo {
  code: string;
  name: string;
  weight: number;
  cities: readonly (readonly [city: string, province: string | null, provinceCode: string | null, zip: string])[];
}

export const COUNTRIES: readonly CountryInfo[] = [
  { code: "US", name: "United States", weight: 40, cities: [["New York", "New York", "NY", "10001"], ["Austin", "Texas", "TX", "73301"], ["Portland", "Oregon", "OR", "97201"], ["Chicago", "Illinois", "IL", "60601"]] },
  { code: "CA", name: "Canada", weight: 10, cities: [["Toronto", "Ontario", "ON", "M5H 2N2"], ["Vancouver", "British Columbia", "BC", "V5K 0A1"]] },
  { code: "GB", name: "United Kingdom", weight: 10, cities: [["London", "England", "ENG", "SW1A 1AA"], ["Manchester", "England", "ENG", "M1 1AE"]] },
  { code: "DE", name: "Germany", weight: 8, cities: [["Berlin", null, null, "10115"], ["Munich", null, null, "80331"]] },
  { code: "FR", name: "France", weight: 6, cities: [["Paris", null, null, "75001"], ["Lyon", null, null, "69001"]] },
  { code: "AU", name: "Australia", weight: 6, cities: [["Sydney", "New South Wales", "NSW", "2000"], ["Melbourne", "Victoria", "VIC", "3000"]] },
  { code: "NL", name: "Netherlands", weight: 4, cities: [["Amsterdam", null, null, "1011"], ["Utrecht", null, null, "3511"]] },
  { code: "JP", name: "Japan", weight: 4, cities: [["Tokyo", "Tokyo", "JP-13", "100-0001"], ["Osaka", "Osaka", "JP-27", "530-0001"]] },
  { code: "BR", name: "Brazil", weight: 4, cities: [["São Paulo", "São Paulo", "SP", "01000-000"], ["Rio de Janeiro", "Rio de Janeiro", "RJ", "20000-000"]] },
  { code: "ES", name: "Spain", weight: 3, cities: [["Madrid", "Madrid", "M", "28001"]] },
  { code: "IT", name: "Italy", weight: 3, cities: [["Milan", "Milano", "MI", "20121"]] },
  { code: "SE", name: "Sweden", weight: 2, cities: [["Stockholm", null, null, "111 20"]] },
];

export const COUNTRY_BY_CODE = new Map(COUNTRIES.map((country) => [country.code, country]));

export const FIRST_NAMES = ["Ava", "Liam", "Noah", "Emma", "Olivia", "Mia", "Lucas", "Sofia", "Yuki", "Hana", "Lena", "Jonas", "Chloé", "Louis", "Isla", "Jack", "Maya", "Ravi", "Ana", "João", "Sven", "Freya", "Omar", "Zoe", "Ethan", "Aria", "Mateo", "Nora", "Kai", "Elif"] as const;
export const LAST_NAMES = ["Smith", "Johnson", "Brown", "Martin", "Müller", "Schmidt", "Dubois", "Bernard", "Tanaka", "Sato", "Silva", "Santos", "de Vries", "Jansen", "Wilson", "Taylor", "García", "Rossi", "Andersson", "Nguyen", "Kowalski", "O'Brien", "Patel", "Lee"] as const;
export const EMAIL_DOMAINS = ["example.com", "mail.test", "inbox.test", "example.org"] as const;
export const STREETS = ["Main St", "High Street", "Oak Ave", "Hauptstraße", "Rue de Rivoli", "King St", "Keizersgracht", "Elm Rd"] as const;

export const CUSTOMER_TAGS = ["vip", "wholesale", "newsletter", "returning", "influencer", "b2b", "local-pickup", "gift-buyer"] as const;

export const PRODUCT_NOUNS = ["Snowboard", "Hoodie", "T-Shirt", "Backpack", "Water Bottle", "Beanie", "Sneakers", "Jacket", "Mug", "Notebook", "Sunglasses", "Yoga Mat", "Candle", "Tote Bag", "Wallet", "Socks"] as const;
export const PRODUCT_ADJECTIVES = ["Classic", "Organic", "Alpine", "Urban", "Vintage", "Everyday", "Premium", "Recycled", "Lightweight", "Cozy", "Trail", "Studio"] as const;
export const VENDORS = ["Northwind", "Acme Outfitters", "Hydrogen Vendor", "Bluebird Co", "Summit Supply", "Fjord & Pine"] as const;
export const PRODUCT_TYPES = ["Apparel", "Accessories", "Outdoor", "Home", "Footwear", "Stationery"] as const;
export const PRODUCT_TAGS = ["new", "bestseller", "sale", "eco", "limited", "gift", "summer", "winter"] as const;
export const COLORS = ["Black", "White", "Navy", "Olive", "Red", "Sand"] as const;
export const SIZES = ["XS", "S", "M", "L", "XL"] as const;
export const MATERIALS = ["cotton", "recycled polyester", "merino wool", "bamboo", "canvas", "stainless steel"] as const;
