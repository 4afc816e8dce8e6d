-- Replies and new mail sent as an alias (issue 5).

-- The name shown with the alias in From when its owner writes as it; null shows the bare address.
ALTER TABLE aliases ADD COLUMN display_name TEXT;
-- Replies to correspondents (through a reverse alias) and new mail sent over authenticated submission.
ALTER TABLE aliases ADD COLUMN replied BIGINT NOT NULL DEFAULT 0;
ALTER TABLE aliases ADD COLUMN sent BIGINT NOT NULL DEFAULT 0;
-- When the owner was last told that someone tried to send as the alias: one notice per window.
ALTER TABLE aliases ADD COLUMN forgery_noticed_at BIGINT;

-- Reverse aliases are listed per alias in the API.
CREATE INDEX reverse_aliases_by_alias ON reverse_aliases (alias_id, created_at);

-- Passwords for mail clients on the submission port: 256 random bits, stored only as SHA-256.
CREATE TABLE app_passwords (
    id           TEXT   NOT NULL PRIMARY KEY,
    user_id      TEXT   NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT   NOT NULL,
    secret_hash  BLOB   NOT NULL UNIQUE,
    created_at   BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at   BIGINT
);
CREATE INDEX app_passwords_by_user ON app_passwords (user_id);
