"""Phone numbers to E.164 with a default region. A fast path handles the usual digit
formats; anything else (letters, odd prefixes) goes to the phonenumbers library.
No Qt, no I/O."""

from __future__ import annotations

import re

# Where an extension starts: "x12", "ext. 12", "#12", or a second number after , or ;.
_EXTENSION = re.compile(r"(?i)(?:ext|x|#|;|,|/\s*\+)")
# Characters a formatted number may contain besides digits.
_SEPARATORS = str.maketrans("", "", " \t-.()/\u00a0\u2010\u2011\u2012\u2013")
# The batch path keeps "/" (a second number may follow) for the careful path to see.
_BATCH_SEPARATORS = str.maketrans("", "", " \t-.()\u00a0\u2010\u2011\u2012\u2013")
_MIN_DIGITS, _MAX_DIGITS = 6, 15  # E.164 allows 15; shorter than 6 is an extension or junk


class PhoneNormaliser:
    """Turns phone text into E.164 ("+14155550123"), or "" when it is not a number.

    One instance per scan: it caches the library's results for the slow path.
    """

    def __init__(self, default_region: str = "US") -> None:
        import phonenumbers  # on first use: ~50 ms the review window need not wait for

        region = default_region.upper()
        meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
        if meta is None:
            raise ValueError(f"unknown phone region {default_region!r}")
        self.region = region
        self._country_code = str(meta.country_code)
        self._national_prefix = meta.national_prefix or ""
        prefix = meta.preferred_international_prefix or meta.international_prefix or ""
        self._intl_prefix = prefix if prefix.isdigit() else "00"
        self._slow_cache: dict[str, str] = {}

    @staticmethod
    def knows(region: str) -> bool:
        """True for a two-letter region code the phone library has numbering rules for."""
        import phonenumbers

        return len(region) == 2 and region.upper() in phonenumbers.SUPPORTED_REGIONS

    def e164(self, text: str) -> str:
        """E.164 form of one phone value; "" for blank or unusable text."""
        match = _EXTENSION.search(text)
        number = (text[: match.start()] if match else text).strip().replace("(0)", "")
        cleaned = number.translate(_SEPARATORS)
        digits = cleaned[1:] if cleaned[:1] == "+" else cleaned
        if not digits.isascii() or not digits.isdigit():
            return self._slow(text) if text.strip() else ""
        return self._compose(digits, cleaned[:1] == "+")

    def e164_many(self, texts: list[str]) -> list[str]:
        """e164() of many texts; plain digit formats take a fast path on one joined string."""
        big = "\x00".join(texts).replace("(0)", "").translate(_BATCH_SEPARATORS)
        cleaned = big.split("\x00") if texts else []
        if len(cleaned) != len(texts):  # a value held the separator: no fast path
            return [self.e164(t) if t else "" for t in texts]
        # _compose() inlined (a call per number is half the cost): dialled out with the
        # international prefix or 00, else national (trunk prefix off, country code on).
        intl, cc, trunk = self._intl_prefix, self._country_code, self._national_prefix
        lo, hi, cut, min_national = _MIN_DIGITS, _MAX_DIGITS, len(intl), len(trunk) + _MIN_DIGITS
        out: list[str] = []
        add = out.append
        for raw, digits in zip(texts, cleaned, strict=True):
            if not digits:
                add("")
                continue
            if digits.isdigit() and digits.isascii():
                if digits.startswith(intl):
                    digits = digits[cut:]
                elif digits.startswith("00"):
                    digits = digits[2:]
                else:
                    if trunk and digits.startswith(trunk) and len(digits) >= min_national:
                        digits = digits[len(trunk) :]
                    digits = cc + digits
            elif digits[:1] == "+" and digits[1:].isdigit() and digits.isascii():
                digits = digits[1:]
            else:
                add(self.e164(raw))
                continue
            add("+" + digits if lo <= len(digits) <= hi else "")
        return out

    def _compose(self, digits: str, international: bool) -> str:
        for prefix in (self._intl_prefix, "00"):
            # "00" is how most of the world dials out, so it shows up in every CRM.
            if not international and digits.startswith(prefix):
                digits, international = digits[len(prefix) :], True
        if not international:
            prefix = self._national_prefix
            if prefix and digits.startswith(prefix) and len(digits) - len(prefix) >= _MIN_DIGITS:
                digits = digits[len(prefix) :]
            digits = self._country_code + digits
        return "+" + digits if _MIN_DIGITS <= len(digits) <= _MAX_DIGITS else ""

    def _slow(self, text: str) -> str:
        cached = self._slow_cache.get(text)
        if cached is None:
            import phonenumbers

            try:
                parsed = phonenumbers.parse(text, self.region)
                cached = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
            except phonenumbers.NumberParseException:
                cached = ""
            self._slow_cache[text] = cached
        return cached
