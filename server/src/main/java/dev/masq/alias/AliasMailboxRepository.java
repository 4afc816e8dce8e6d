package dev.masq.alias;

import static dev.masq.db.schema.Tables.ALIASES;
import static dev.masq.db.schema.Tables.ALIAS_MAILBOXES;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Which of its owner's inboxes an alias forwards to (read by forwarding through {@link AliasRepository#mailboxIds}). */
public final class AliasMailboxRepository {

    public void replace(DSLContext ctx, String aliasId, Collection<String> mailboxIds) {
        ctx.deleteFrom(ALIAS_MAILBOXES).where(ALIAS_MAILBOXES.ALIAS_ID.eq(aliasId)).execute();
        for (String mailboxId : mailboxIds) {
            ctx.insertInto(ALIAS_MAILBOXES).set(ALIAS_MAILBOXES.ALIAS_ID, aliasId).set(ALIAS_MAILBOXES.MAILBOX_ID, mailboxId).execute();
        }
    }

    /** The inboxes of each of {@code aliasIds} that {@code userId} owns, in one query. */
    public Map<String, List<String>> of(DSLContext ctx, String userId, Collection<String> aliasIds) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        ctx.select(ALIAS_MAILBOXES.ALIAS_ID, ALIAS_MAILBOXES.MAILBOX_ID).from(ALIAS_MAILBOXES)
                .join(ALIASES).on(ALIASES.ID.eq(ALIAS_MAILBOXES.ALIAS_ID))
                .where(ALIAS_MAILBOXES.ALIAS_ID.in(aliasIds)).and(ALIASES.USER_ID.eq(userId))
                .orderBy(ALIAS_MAILBOXES.ALIAS_ID, ALIAS_MAILBOXES.MAILBOX_ID)
                .forEach(r -> out.computeIfAbsent(r.value1(), k -> new java.util.ArrayList<>()).add(r.value2()));
        return out;
    }

    /** Before {@code removed} goes: aliases that forward only there are pointed at {@code fallback}, so none goes silent. */
    public void keepForwarding(DSLContext ctx, String removed, String fallback) {
        var other = ALIAS_MAILBOXES.as("other");
        ctx.insertInto(ALIAS_MAILBOXES, ALIAS_MAILBOXES.ALIAS_ID, ALIAS_MAILBOXES.MAILBOX_ID)
                .select(DSL.select(ALIAS_MAILBOXES.ALIAS_ID, DSL.val(fallback)).from(ALIAS_MAILBOXES)
                        .where(ALIAS_MAILBOXES.MAILBOX_ID.eq(removed))
                        .andNotExists(DSL.selectOne().from(other)
                                .where(other.ALIAS_ID.eq(ALIAS_MAILBOXES.ALIAS_ID)).and(other.MAILBOX_ID.ne(removed))))
                .execute();
    }
}
