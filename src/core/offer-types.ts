// The shapes the core works with once cells are parsed: offer rows, line rows, the API request body.

export type OfferStatus =
  | "pending"
  | "invalid"
  | "sending"
  | "created"
  | "failed"
  | "accepted"
  | "rejected"
  | "expired"
  | "skip"
  | "warning"
  | "sendAnyway"
  | "unknown";

export interface OfferLineBody {
  readonly description: string;
  readonly amountExclVat: string;
  readonly vatRate: number;
}

/** The body of POST /customer-offers/manual. */
export interface CreateOfferBody {
  readonly customerId: string;
  readonly offerNumber: string;
  readonly issuedAt: string;
  readonly expiresAt: string;
  readonly lines: readonly OfferLineBody[];
  readonly sendNotification?: boolean;
}

export interface LineRow {
  readonly sheetRow: number;
  readonly key: string;
  readonly offerNumber: string;
  readonly line: OfferLineBody | null;
  readonly problems: readonly string[];
  /** When the offer-number cell shows an error (`#N/A`): what that means, for the line's Message. */
  readonly numberError?: string;
}

export interface OfferRow {
  readonly sheetRow: number;
  readonly key: string;
  readonly offerNumber: string;
  readonly customerId: string;
  readonly status: OfferStatus;
  /** Status as typed in the sheet, trimmed. */
  readonly statusText: string;
  readonly offerId: string;
  readonly message: string;
  /** Expires at as `YYYY-MM-DD` when it could be read (for status refresh). */
  readonly expiresAt: string | null;
  /** The row's ledger ref (hidden column), "" when it has none yet. */
  readonly ref: string;
  /** Set when the row passed validation. */
  readonly body: CreateOfferBody | null;
  readonly problems: readonly string[];
}
