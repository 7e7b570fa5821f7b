"""The registry: every recognizer privrag adds to Presidio's defaults, in the order they are registered."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from anonymize.recognizers.addresses import (
    AddressBlockRecognizer,
    CornerAddressRecognizer,
    StreetAddressRecognizer,
    ZipCodeRecognizer,
    labeled_zip_code,
)
from anonymize.recognizers.dates import DateTimeRecognizer, WrittenDateRecognizer
from anonymize.recognizers.header_names import EmailHeaderNameRecognizer
from anonymize.recognizers.honorific_names import HonorificNameRecognizer
from anonymize.recognizers.identifiers import (
    CardNumberFormatRecognizer,
    IbanAnyCaseRecognizer,
    SsnFormatRecognizer,
    labeled_driver_license,
    labeled_ssn,
)
from anonymize.recognizers.name_cues import NameCueRecognizer
from anonymize.recognizers.organizations import CompanyFormRecognizer
from anonymize.recognizers.phones import (
    GenericPhoneRecognizer,
    InternationalPhoneRecognizer,
    PhoneFormatRecognizer,
    ShortPhoneRecognizer,
)
from anonymize.recognizers.places import CountryNameRecognizer, PlaceCueRecognizer, PlaceInNameRecognizer
from anonymize.recognizers.speaker_labels import SpeakerLabelRecognizer


def builtin_recognizers() -> list[EntityRecognizer]:
    """Every recognizer privrag adds to Presidio's defaults (the name-evidence recognizer, which needs the
    name lexicon, and configured ones are added by the analyzer's builder)."""
    return [
        StreetAddressRecognizer(),
        ZipCodeRecognizer(),
        WrittenDateRecognizer(),
        DateTimeRecognizer(),
        PhoneFormatRecognizer(),
        InternationalPhoneRecognizer(),
        SsnFormatRecognizer(),
        EmailHeaderNameRecognizer(),
        labeled_driver_license(),
        labeled_zip_code(),
        CornerAddressRecognizer(),
        labeled_ssn(),
        GenericPhoneRecognizer(),
        ShortPhoneRecognizer(),
        CardNumberFormatRecognizer(),
        IbanAnyCaseRecognizer(),
        AddressBlockRecognizer(),
        NameCueRecognizer(),
        HonorificNameRecognizer(),
        SpeakerLabelRecognizer(),
        PlaceCueRecognizer(),
        PlaceInNameRecognizer(),
        CountryNameRecognizer(),
        CompanyFormRecognizer(),
    ]
