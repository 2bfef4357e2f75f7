// Customers of the MKP double: validation of the POST /customers body (Laravel messages, attribute names
// in words as Laravel shows them: "primary email") and the new Customer object.

import type { FieldErrors } from "./validation";

/** ISO 3166-1 alpha-2 codes (officially assigned). */
const COUNTRY_CODES = new Set(
  (
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW " +
    "BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI " +
    "FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN " +
    "IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME " +
    "MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF " +
    "PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV " +
    "SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE " +
    "YT ZA ZM ZW"
  ).split(" "),
);

/** A pragmatic version of Laravel's `email` rule (RFC-ish: local@domain.tld, no spaces). */
const EMAIL =
  /^[^\s@"(),:;<>[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

const words = (field: string): string => field.replace(/([A-Z])/g, " $1").toLowerCase();

export interface NewCustomer {
  companyName: string;
  address: string;
  zipCode: string;
  city: string;
  countryCode: string;
  primaryEmail: string;
  phone: string | null;
}

/** Validates a POST /customers body: the field errors, or the fields of the new customer. */
export function validateCreateCustomer(body: Record<string, unknown>): {
  errors: FieldErrors;
  customer: NewCustomer | null;
} {
  const errors: FieldErrors = {};
  const add = (field: string, message: string): void => {
    errors[field] = [...(errors[field] ?? []), message];
  };
  const text = (field: string, required: boolean, max: number): string | null => {
    const value = body[field];
    if (value === undefined || value === null || value === "") {
      if (required) add(field, `The ${words(field)} field is required.`);
      return null;
    }
    if (typeof value !== "string") add(field, `The ${words(field)} field must be a string.`);
    else if (value.length > max)
      add(field, `The ${words(field)} field must not be greater than ${max} characters.`);
    else return value;
    return null;
  };
  const companyName = text("companyName", true, 255);
  const address = text("address", true, 255);
  const zipCode = text("zipCode", true, 20);
  const city = text("city", true, 255);
  const primaryEmail = text("primaryEmail", true, 255);
  if (primaryEmail !== null && !EMAIL.test(primaryEmail))
    add("primaryEmail", "The primary email field must be a valid email address.");
  const countryCode = text("countryCode", false, 2);
  if (countryCode !== null && !COUNTRY_CODES.has(countryCode))
    add("countryCode", "The selected country code is invalid.");
  const phone = text("phone", false, 255);
  if (Object.keys(errors).length > 0) return { errors, customer: null };
  return {
    errors,
    customer: {
      companyName: companyName as string,
      address: address as string,
      zipCode: zipCode as string,
      city: city as string,
      countryCode: countryCode ?? "NL",
      primaryEmail: primaryEmail as string,
      phone,
    },
  };
}
