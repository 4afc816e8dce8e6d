-- Evidence that is kept without moving the leak status.

-- A spam report on the vendor's own mail (a message judged expected) is the vendor spamming the
-- person, not a leak: it is counted as vendor spam and never toward the leak status.
ALTER TABLE alias_spam_reports ADD COLUMN from_vendor BOOLEAN NOT NULL DEFAULT FALSE;

-- Who still writes to a burned alias. Such mail is refused at RCPT (550 5.1.1); each refused
-- recipient is counted here, in total and per envelope sender domain ('<>' for the null sender).
-- A harvester may try endless domains: past a fixed number of them per alias only the total grows.
CREATE TABLE alias_after_burn (
    alias_id TEXT   NOT NULL PRIMARY KEY REFERENCES aliases (id) ON DELETE CASCADE,
    attempts BIGINT NOT NULL,
    last_at  BIGINT NOT NULL
);

CREATE TABLE alias_after_burn_domains (
    alias_id TEXT   NOT NULL REFERENCES aliases (id) ON DELETE CASCADE,
    domain   TEXT   NOT NULL,
    attempts BIGINT NOT NULL,
    last_at  BIGINT NOT NULL,
    PRIMARY KEY (alias_id, domain)
);
