/** A control-API input that names something the store does not have; routes answer it with 4xx. */
export class StoreInputError extends Error {
  readonly code: string;
  readonly status: 400 | 404 | 409;

  constructor(code: string, message: string, status: 400 | 404 | 409 = 400) {
    super(message);
    this.code = code;
    this.status = status;
  }
}
