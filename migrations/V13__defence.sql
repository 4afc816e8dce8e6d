-- Defending the person after a vendor breach (issue 14): what happens to suspicious verdicts,
-- quarantined mail, canary identifiers and recorded vendor breaches.

-- The person's choice per verdict (quarantine, tag, reject); a null column is the default.
CREATE TABLE verdict_policies (
    user_id           TEXT    NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    spoof             TEXT,
    lookalike         TEXT,
    phishing          TEXT,
    spam              TEXT,
    quarantine_digest BOOLEAN NOT NULL DEFAULT TRUE,
    digest_sent_at    BIGINT   -- the last digest of quarantined mail: at most one a day
);

-- Per alias, overriding the person's choice; a null column follows it.
CREATE TABLE alias_verdict_policies (
    alias_id  TEXT NOT NULL PRIMARY KEY REFERENCES aliases (id) ON DELETE CASCADE,
    spoof     TEXT,
    lookalike TEXT,
    phishing  TEXT,
    spam      TEXT
);

-- Mail held instead of forwarded: the copy exactly as it would have been delivered, with its
-- recipients and subject, encrypted; gone (row and all) at expires_at.
CREATE TABLE quarantine (
    id             TEXT    NOT NULL PRIMARY KEY,
    alias_id       TEXT    NOT NULL REFERENCES aliases (id) ON DELETE CASCADE,
    user_id        TEXT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    verdict        TEXT    NOT NULL,
    sender_domain  TEXT,
    why            TEXT    NOT NULL,
    subject_enc    BLOB    NOT NULL,
    envelope_from  TEXT    NOT NULL,
    recipients_enc BLOB    NOT NULL,
    content_enc    BLOB    NOT NULL,
    digested       BOOLEAN NOT NULL DEFAULT FALSE,
    created_at     BIGINT  NOT NULL,
    expires_at     BIGINT  NOT NULL
);
CREATE INDEX quarantine_by_user ON quarantine (user_id, created_at);
CREATE INDEX quarantine_by_alias ON quarantine (alias_id, created_at);
CREATE INDEX quarantine_by_expiry ON quarantine (expires_at);

-- Identifiers the person gave the alias's vendor, as one encrypted JSON list per alias.
CREATE TABLE alias_identifiers (
    alias_id        TEXT NOT NULL PRIMARY KEY REFERENCES aliases (id) ON DELETE CASCADE,
    identifiers_enc BLOB NOT NULL
);

-- Breaches the person recorded, per vendor (the vendor label of their aliases, case-folded).
CREATE TABLE vendor_breaches (
    id          TEXT   NOT NULL PRIMARY KEY,
    user_id     TEXT   NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    vendor_key  TEXT   NOT NULL,
    breached_on TEXT   NOT NULL,  -- ISO date
    note        TEXT,
    source      TEXT,
    created_at  BIGINT NOT NULL
);
CREATE INDEX vendor_breaches_by_user ON vendor_breaches (user_id, vendor_key);
