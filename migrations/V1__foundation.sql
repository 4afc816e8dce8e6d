-- Personal data is stored as AES-GCM ciphertext (*_enc) and found through a keyed HMAC (*_hmac);
-- the key lives outside the database. Ids are random opaque strings.

CREATE TABLE users (
    id            TEXT    NOT NULL PRIMARY KEY,
    login_hmac    BLOB    NOT NULL UNIQUE,
    password_hash TEXT,
    is_admin      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    BIGINT NOT NULL
);

CREATE TABLE mailboxes (
    id           TEXT    NOT NULL PRIMARY KEY,
    user_id      TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    address_enc  BLOB    NOT NULL,
    address_hmac BLOB    NOT NULL,
    verified     BOOLEAN NOT NULL DEFAULT FALSE,
    is_default   BOOLEAN NOT NULL DEFAULT FALSE,
    created_at   BIGINT NOT NULL,
    UNIQUE (user_id, address_hmac)
);

CREATE TABLE aliases (
    id               TEXT    NOT NULL PRIMARY KEY,
    user_id          TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    address          TEXT    NOT NULL UNIQUE,
    vendor           TEXT,
    note             TEXT,
    state            TEXT    NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'paused', 'burned')),
    created_at       BIGINT NOT NULL,
    forwarded        BIGINT NOT NULL DEFAULT 0,
    blocked          BIGINT NOT NULL DEFAULT 0,
    last_received_at BIGINT,
    burned_at        BIGINT,
    burn_reason      TEXT,
    replaced_by      TEXT REFERENCES aliases (id) ON DELETE SET NULL
);
CREATE INDEX aliases_by_user ON aliases (user_id, created_at, id);

CREATE TABLE alias_vendor_domains (
    alias_id TEXT    NOT NULL REFERENCES aliases (id) ON DELETE CASCADE,
    domain   TEXT    NOT NULL,
    learned  BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (alias_id, domain)
);

CREATE TABLE alias_mailboxes (
    alias_id   TEXT NOT NULL REFERENCES aliases (id) ON DELETE CASCADE,
    mailbox_id TEXT NOT NULL REFERENCES mailboxes (id) ON DELETE CASCADE,
    PRIMARY KEY (alias_id, mailbox_id)
);

-- A deleted alias leaves only a keyed hash of its address, so it is never issued again.
CREATE TABLE alias_tombstones (
    address_hmac BLOB    NOT NULL PRIMARY KEY,
    deleted_at   BIGINT NOT NULL
);

CREATE TABLE reverse_aliases (
    id                 TEXT    NOT NULL PRIMARY KEY,
    alias_id           TEXT    NOT NULL REFERENCES aliases (id) ON DELETE CASCADE,
    address            TEXT    NOT NULL UNIQUE,
    correspondent_enc  BLOB    NOT NULL,
    correspondent_hmac BLOB    NOT NULL,
    blocked            BOOLEAN NOT NULL DEFAULT FALSE,
    created_at         BIGINT NOT NULL,
    UNIQUE (alias_id, correspondent_hmac)
);

CREATE TABLE alias_events (
    id           TEXT    NOT NULL PRIMARY KEY,
    alias_id     TEXT    NOT NULL REFERENCES aliases (id) ON DELETE CASCADE,
    kind         TEXT    NOT NULL,
    sender_enc   BLOB,
    sender_domain TEXT,
    detail       TEXT,
    created_at   BIGINT NOT NULL
);
CREATE INDEX alias_events_by_alias ON alias_events (alias_id, created_at);
CREATE INDEX alias_events_by_age ON alias_events (created_at);

-- The delivery queue: one row per message and destination; content is ciphertext and is
-- deleted once the message is delivered or given up.
CREATE TABLE deliveries (
    id              TEXT    NOT NULL PRIMARY KEY,
    alias_id        TEXT REFERENCES aliases (id) ON DELETE CASCADE,
    kind            TEXT    NOT NULL CHECK (kind IN ('forward', 'notice')),
    envelope_from   TEXT    NOT NULL,
    recipient_enc   BLOB    NOT NULL,
    content_enc     BLOB    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    lease_until     BIGINT,
    expires_at      BIGINT NOT NULL,
    last_error      TEXT,
    created_at      BIGINT NOT NULL
);
CREATE INDEX deliveries_due ON deliveries (next_attempt_at);

CREATE TABLE api_keys (
    id           TEXT    NOT NULL PRIMARY KEY,
    user_id      TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    key_hash     BLOB    NOT NULL UNIQUE,
    created_at   BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at   BIGINT
);
