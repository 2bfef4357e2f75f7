// What a MijnKlantportaal customer ID looks like (`cst_` and letters or digits), apart from the
// matching of names (customer-match.ts) so that a run whose offers name only IDs needs no more.

export const CUSTOMER_ID = /^cst_[A-Za-z0-9]+$/;
