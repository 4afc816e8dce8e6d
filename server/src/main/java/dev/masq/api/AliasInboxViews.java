package dev.masq.api;

import dev.masq.account.InboxService;
import dev.masq.account.Mailbox;
import dev.masq.alias.Alias;
import dev.masq.alias.AliasInboxes;
import dev.masq.common.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The inboxes each alias forwards to, as the SimpleLogin (mailboxes) and addy.io (recipients) shapes list them. */
public record AliasInboxViews(AliasInboxes aliasInboxes, InboxService inboxes) {
    /** For each alias, in order, its inboxes (the user's inboxes read once). */
    <T> List<T> render(String userId, List<Alias> aliases, Renderer<T> renderer) {
        Map<String, Mailbox> byId = inboxes.list(userId).stream().collect(Collectors.toMap(Mailbox::id, Function.identity()));
        return aliases.stream().map(a -> renderer.render(a, aliasInboxes.of(userId, a.id()).stream()
                .map(byId::get).filter(Objects::nonNull).toList())).toList();
    }

    /** Refuses (422 on {@code field}) any id that is not one of the user's inboxes, before anything is written. */
    void requireOwn(String userId, List<String> mailboxIds, String field) {
        Set<String> own = inboxes.list(userId).stream().map(Mailbox::id).collect(Collectors.toSet());
        for (String id : mailboxIds) {
            if (!own.contains(id)) {
                throw new InvalidInputException(field, "'" + id + "' is not one of your inboxes");
            }
        }
    }

    interface Renderer<T> {
        T render(Alias alias, List<Mailbox> inboxes);
    }
}
