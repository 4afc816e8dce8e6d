-- Web accounts, second round: WebAuthn ceremonies and the per-person choice of leak notices.

-- A WebAuthn challenge awaiting its answer: one per browser (session or pre-login cookie) and ceremony,
-- found by the SHA-256 of that binding, used once, and good for a few minutes only.
CREATE TABLE webauthn_challenges (
    binding_hash BLOB   NOT NULL PRIMARY KEY,
    challenge    BLOB   NOT NULL,
    user_id      TEXT REFERENCES users (id) ON DELETE CASCADE,
    expires_at   BIGINT NOT NULL
);

-- Whether the leak-notice sender mails this person when one of their aliases turns suspected or leaked.
ALTER TABLE users ADD COLUMN notify_leaks BOOLEAN NOT NULL DEFAULT TRUE;
