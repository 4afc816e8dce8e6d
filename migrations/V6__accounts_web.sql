-- Accounts for people using the web pages: sessions, one-time links, second factors, settings.
-- Secrets are stored as digests (tokens, codes) or AES-GCM ciphertext (TOTP keys), never in clear.

ALTER TABLE users ADD COLUMN totp_secret_enc BLOB;
-- The last TOTP time step accepted, so that each code works only once.
ALTER TABLE users ADD COLUMN totp_last_step BIGINT;
ALTER TABLE users ADD COLUMN default_domain TEXT;
ALTER TABLE users ADD COLUMN default_mode TEXT;

-- Keys made before scopes existed could do everything; they keep that.
ALTER TABLE api_keys ADD COLUMN scopes TEXT NOT NULL DEFAULT 'aliases:read aliases:write leaks:read';

CREATE TABLE sessions (
    id           TEXT   NOT NULL PRIMARY KEY,
    token_hash   BLOB   NOT NULL UNIQUE,
    user_id      TEXT   NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- 'second_factor': the password was right, a second factor is still owed; 'enrol': a passkey must be
    -- added before anything else; 'full': signed in.
    stage        TEXT   NOT NULL CHECK (stage IN ('second_factor', 'enrol', 'full')),
    user_agent   TEXT,
    created_at   BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    reauth_at    BIGINT
);
CREATE INDEX sessions_by_user ON sessions (user_id);

-- One-time links: first-run setup, invitations, password setting, inbox verification.
CREATE TABLE account_links (
    token_hash BLOB   NOT NULL PRIMARY KEY,
    kind       TEXT   NOT NULL CHECK (kind IN ('setup', 'invite', 'password', 'verify_mailbox')),
    user_id    TEXT REFERENCES users (id) ON DELETE CASCADE,
    mailbox_id TEXT REFERENCES mailboxes (id) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE recovery_codes (
    user_id   TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hmac BLOB NOT NULL,
    PRIMARY KEY (user_id, code_hmac)
);

CREATE TABLE passkeys (
    credential_id   BLOB   NOT NULL PRIMARY KEY,
    user_id         TEXT   NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name            TEXT   NOT NULL,
    -- webauthn4j's serialised attested credential data (the public key); nothing secret.
    credential_data BLOB   NOT NULL,
    sign_count      BIGINT NOT NULL,
    created_at      BIGINT NOT NULL,
    last_used_at    BIGINT
);
CREATE INDEX passkeys_by_user ON passkeys (user_id);

-- Server-wide settings an administrator changes in the web pages.
CREATE TABLE server_settings (
    name  TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
);
