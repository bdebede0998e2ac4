"""Normalisers that turn raw CRM values into comparable forms, one module per kind.
No Qt, no I/O."""

from mergedesk.core.matching.normalise.addresses import (
    normalise_cities,
    normalise_city,
    normalise_countries,
    normalise_country,
    normalise_postcode,
    normalise_postcodes,
    normalise_street,
    normalise_streets,
)
from mergedesk.core.matching.normalise.companies import (
    company_token,
    normalise_companies,
    normalise_company,
)
from mergedesk.core.matching.normalise.dates import normalise_date
from mergedesk.core.matching.normalise.domains import is_free_mail, web_domain
from mergedesk.core.matching.normalise.emails import (
    NO_EMAIL,
    Email,
    company_domain,
    email_columns,
    normalise_email,
    normalise_emails,
    personal_local,
)
from mergedesk.core.matching.normalise.names import (
    family_name,
    family_names,
    given_name,
    given_names,
    soundex,
    soundex_many,
    split_full_name,
)
from mergedesk.core.matching.normalise.phones import PhoneNormaliser
from mergedesk.core.matching.normalise.text import (
    as_text,
    ascii_lower,
    by_distinct,
    cached_map,
    fold,
    fold_many,
)

__all__ = [
    "NO_EMAIL",
    "Email",
    "PhoneNormaliser",
    "as_text",
    "ascii_lower",
    "by_distinct",
    "cached_map",
    "company_domain",
    "company_token",
    "email_columns",
    "family_name",
    "family_names",
    "fold",
    "fold_many",
    "given_name",
    "given_names",
    "is_free_mail",
    "normalise_cities",
    "normalise_city",
    "normalise_companies",
    "normalise_company",
    "normalise_countries",
    "normalise_country",
    "normalise_date",
    "normalise_email",
    "normalise_emails",
    "normalise_postcode",
    "normalise_postcodes",
    "normalise_street",
    "normalise_streets",
    "personal_local",
    "soundex",
    "soundex_many",
    "split_full_name",
    "web_domain",
]
