package dev.masq.alias;

import org.jooq.DSLContext;

/** Which domains besides the operator's a user may have aliases on: their own verified domains and subdomains. */
public interface UserDomains {
    boolean isVerifiedFor(DSLContext ctx, String userId, String domain);
}
