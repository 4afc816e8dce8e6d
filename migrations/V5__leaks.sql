-- Leak detection. An alias without a row in alias_leaks is clean. Its status is derived from the
-- evidence below and stored so the report and the alias list read it without recomputing.
CREATE TABLE alias_leaks (
    alias_id  TEXT NOT NULL PRIMARY KEY REFERENCES aliases (id) ON DELETE CASCADE,
    status    TEXT NOT NULL CHECK (status IN ('clean', 'suspected', 'leaked')),
    since     BIGINT,   -- first foreign message or spam report; null while clean
    leaked_at BIGINT    -- when the status last became leaked
);
CREATE INDEX alias_leaks_by_status ON alias_leaks (status, since);

-- Each registrable domain other than the vendor's that wrote to the alias.
CREATE TABLE alias_foreign_domains (
    alias_id      TEXT   NOT NULL REFERENCES aliases (id) ON DELETE CASCADE,
    domain        TEXT   NOT NULL,
    messages      BIGINT NOT NULL,
    spam_messages BIGINT NOT NULL DEFAULT 0,  -- of those, scored over the spam threshold
    first_seen    BIGINT NOT NULL,
    last_seen     BIGINT NOT NULL,
    PRIMARY KEY (alias_id, domain)
);

-- Messages the person reported as spam. No foreign key to alias_events: events expire, reports stay.
CREATE TABLE alias_spam_reports (
    alias_id    TEXT   NOT NULL REFERENCES aliases (id) ON DELETE CASCADE,
    event_id    TEXT   NOT NULL,
    reported_at BIGINT NOT NULL,
    PRIMARY KEY (alias_id, event_id)
);
