-- Domains users bring (custom) or claim of ours (subdomain). Aliases on them are ordinary alias rows.
-- Several users may have the same name pending; once one verifies it, it is theirs alone (the partial
-- unique index). The DKIM private key is ciphertext, sealed with the server's key like every secret.
CREATE TABLE domains (
    id               TEXT    NOT NULL PRIMARY KEY,
    user_id          TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name             TEXT    NOT NULL,
    kind             TEXT    NOT NULL CHECK (kind IN ('custom', 'subdomain')),
    status           TEXT    NOT NULL CHECK (status IN ('pending', 'verified', 'suspended')),
    catch_all        BOOLEAN NOT NULL DEFAULT FALSE,
    -- Null for a subdomain of ours: the operator's DNS and DKIM key serve it.
    ownership_token  TEXT,
    dkim_selector    TEXT,
    dkim_public      TEXT,
    dkim_private_enc BLOB,
    created_at       BIGINT  NOT NULL,
    verified_at      BIGINT,
    -- The daily re-check: since when ownership or MX is gone (null: fine), and whether the owner was told.
    failing_since    BIGINT,
    failure_noticed  BOOLEAN NOT NULL DEFAULT FALSE,
    UNIQUE (user_id, name)
);
CREATE UNIQUE INDEX domains_claimed ON domains (name) WHERE status <> 'pending';
CREATE INDEX domains_by_name ON domains (name);

-- What the last check found for each record the owner is asked to publish.
CREATE TABLE domain_checks (
    domain_id  TEXT   NOT NULL REFERENCES domains (id) ON DELETE CASCADE,
    purpose    TEXT   NOT NULL,
    status     TEXT   NOT NULL CHECK (status IN ('ok', 'missing', 'wrong')),
    found      TEXT,
    checked_at BIGINT NOT NULL,
    PRIMARY KEY (domain_id, purpose)
);

-- Aliases made by catch-all mail, per domain and UTC day, against MASQ_CATCHALL_DAILY_LIMIT.
CREATE TABLE domain_catch_all_days (
    domain_id     TEXT    NOT NULL REFERENCES domains (id) ON DELETE CASCADE,
    day           BIGINT  NOT NULL,
    created       INTEGER NOT NULL DEFAULT 0,
    limit_noticed BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (domain_id, day)
);
