-- What a person does about leaks: blocks, allowed senders, the one notice and its action links, webhooks.

-- A person may refuse everyone but the vendor (and the domains they allowed) on an alias.
ALTER TABLE aliases ADD COLUMN vendor_only BOOLEAN NOT NULL DEFAULT FALSE;

-- Domains the person accepts mail from on an alias without it counting as foreign.
CREATE TABLE alias_allowed_domains (
    alias_id TEXT NOT NULL REFERENCES aliases (id) ON DELETE CASCADE,
    domain   TEXT NOT NULL,
    PRIMARY KEY (alias_id, domain)
);

-- The leak notice goes out once per time an alias becomes leaked (notified_at >= leaked_at);
-- dismissing it (acknowledged_at >= leaked_at) holds until the alias becomes leaked again.
ALTER TABLE alias_leaks ADD COLUMN notified_at BIGINT;
ALTER TABLE alias_leaks ADD COLUMN acknowledged_at BIGINT;

-- Blocked senders, on one alias or (alias_id null) on every alias of the user. sender_hmac is the
-- keyed hash of the address, or of '@' + domain for a whole domain, so the RCPT check is one
-- indexed read; the address itself is only kept encrypted, a domain may be in clear.
CREATE TABLE sender_blocks (
    id          TEXT   NOT NULL PRIMARY KEY,
    user_id     TEXT   NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    alias_id    TEXT REFERENCES aliases (id) ON DELETE CASCADE,
    sender_hmac BLOB   NOT NULL,
    address_enc BLOB,
    domain      TEXT,
    created_at  BIGINT NOT NULL,
    CHECK ((address_enc IS NULL) <> (domain IS NULL))
);
CREATE UNIQUE INDEX sender_blocks_by_sender ON sender_blocks (user_id, sender_hmac, COALESCE(alias_id, ''));

-- Action links are single use: the SHA-256 of each one used.
CREATE TABLE used_action_tokens (
    token_hash BLOB   NOT NULL PRIMARY KEY,
    used_at    BIGINT NOT NULL
);

-- One webhook per user. The secret signs each request, so it is kept encrypted, not hashed.
CREATE TABLE webhooks (
    user_id    TEXT   NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    url        TEXT   NOT NULL,
    secret_enc BLOB   NOT NULL,
    created_at BIGINT NOT NULL
);

-- Webhook calls not yet answered with 2xx; the body is ciphertext and the row goes once delivered or given up.
CREATE TABLE webhook_outbox (
    id              TEXT    NOT NULL PRIMARY KEY,
    user_id         TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    event           TEXT    NOT NULL,
    body_enc        BLOB    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT  NOT NULL,
    last_error      TEXT,
    created_at      BIGINT  NOT NULL
);
CREATE INDEX webhook_outbox_due ON webhook_outbox (next_attempt_at);
