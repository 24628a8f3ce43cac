-- The user directory and API keys. Keys are stored as SHA-256 digests, never as tokens.

CREATE TABLE app_user (
    id         BIGSERIAL    PRIMARY KEY,
    email      VARCHAR(254) NOT NULL,
    name       VARCHAR(255) NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL
);

CREATE UNIQUE INDEX app_user_email_key ON app_user (lower(email));

CREATE TABLE api_key (
    id         BIGSERIAL   PRIMARY KEY,
    user_id    BIGINT      NOT NULL REFERENCES app_user (id),
    key_hash   BYTEA       NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ
);

CREATE INDEX api_key_user ON api_key (user_id);
