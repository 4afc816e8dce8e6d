package dev.masq.alias;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.masq.account.SessionService;
import dev.masq.account.SignInService;
import dev.masq.account.ApiKeyService;
import dev.masq.account.InboxService;

/** Everything masq holds about a person, decrypted, as one document (secrets such as keys and codes excepted). */
public final class AccountExport {
    private static final int ALIAS_PAGE = 200;
    private static final int EVENTS_PER_ALIAS = 500;

    private final SignInService signIn;
    private final InboxService inboxes;
    private final AliasService aliases;
    private final ApiKeyService keys;
    private final SessionService sessions;

    public AccountExport(SignInService signIn, InboxService inboxes, AliasService aliases, ApiKeyService keys, SessionService sessions) {
        this.signIn = signIn;
        this.inboxes = inboxes;
        this.aliases = aliases;
        this.keys = keys;
        this.sessions = sessions;
    }

    /** Keys in the order the download shows them: account, inboxes, aliases (each with its events), api_keys, sessions. */
    public Map<String, Object> of(String userId) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            AliasPage page = aliases.list(userId, new AliasQuery(null, null, cursor, ALIAS_PAGE));
            for (Alias a : page.items()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("alias", a);
                entry.put("events", aliases.events(userId, a.id(), EVENTS_PER_ALIAS));
                all.add(entry);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("account", signIn.profile(userId));
        export.put("inboxes", inboxes.list(userId));
        export.put("aliases", all);
        export.put("api_keys", keys.list(userId));
        export.put("sessions", sessions.list(userId));
        return export;
    }
}
