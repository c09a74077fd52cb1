const PREFIXES = {
  tenant: "ten",
  key: "key",
  event: "evt",
  profile: "prof",
  product: "prd",
  segment: "seg",
  job: "job",
  quarantine: "qrn",
  deadLetter: "dlq",
  privacy: "prv",
  connectLink: "cnl",
  discount: "dsc",
  mention: "men",
  request: "req",
  subscription: "sub",
  landingPage: "lnd",
  tenantMove: "mov",
} as const;

export type IdKind = keyof typeof PREFIXES;

const ALPHABET = "0123456789abcdefghijkmnopqrstuvwxyz";

// Random bytes drawn 4 KB at a time: a chunk of orders mints thousands of ids, one getRandomValues call each otherwise.
const pool = new Uint8Array(4_096);
let used = pool.length;

function randomBytes(count: number): Uint8Array {
  if (used + count > pool.length) {
    crypto.getRandomValues(pool);
    used = 0;
  }
  used += count;
  return pool.subarray(used - count, used);
}

/** Time-ordered id (`evt_…`): 40 bits of milliseconds then 80 random bits, so ids sort by creation. */
export function newId(kind: IdKind, now = Date.now()): string {
  const random = randomBytes(10);
  let time = "";
  let ms = now;
  for (let i = 0; i < 9; i++) {
    time = ALPHABET[ms % ALPHABET.length] + time;
    ms = Math.floor(ms / ALPHABET.length);
  }
  let rest = "";
  for (const byte of random) rest += ALPHABET[byte % ALPHABET.length];
  return `${PREFIXES[kind]}_${time}${rest}`;
}
