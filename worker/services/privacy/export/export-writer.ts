import { utf8 } from "../../../lib/encoding.ts";

// R2 multipart: every part but the last must be the same size, at least 5 MiB.
const PART_BYTES = 8 * 1024 * 1024;

/**
 * Writes a large text object to R2 in fixed-size parts as it is produced, so an export of any size holds at most one
 * part (8 MiB) in memory. Small exports (one part) are a single `put`.
 */
export class ExportWriter {
  readonly #bucket: R2Bucket;
  readonly #key: string;
  readonly #metadata: R2HTTPMetadata;
  #part = new Uint8Array(PART_BYTES);
  #filled = 0;
  #upload: R2MultipartUpload | null = null;
  #parts: R2UploadedPart[] = [];
  #bytes = 0;

  constructor(bucket: R2Bucket, key: string, metadata: R2HTTPMetadata) {
    this.#bucket = bucket;
    this.#key = key;
    this.#metadata = metadata;
  }

  get bytes(): number {
    return this.#bytes;
  }

  async write(text: string): Promise<void> {
    let bytes = utf8(text);
    this.#bytes += bytes.length;
    while (bytes.length > 0) {
      const room = PART_BYTES - this.#filled;
      const taken = bytes.subarray(0, room);
      this.#part.set(taken, this.#filled);
      this.#filled += taken.length;
      bytes = bytes.subarray(taken.length);
      if (this.#filled === PART_BYTES) await this.#flush();
    }
  }

  async #flush(): Promise<void> {
    this.#upload ??= await this.#bucket.createMultipartUpload(this.#key, { httpMetadata: this.#metadata });
    this.#parts.push(await this.#upload.uploadPart(this.#parts.length + 1, this.#part.slice(0, this.#filled)));
    this.#filled = 0;
  }

  async finish(): Promise<void> {
    if (!this.#upload) {
      await this.#bucket.put(this.#key, this.#part.slice(0, this.#filled), { httpMetadata: this.#metadata });
      return;
    }
    if (this.#filled > 0) await this.#flush();
    await this.#upload.complete(this.#parts);
  }

  async abort(): Promise<void> {
    await this.#upload?.abort();
  }
}
