package dev.masq.api.jmap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.masq.alias.Alias;
import dev.masq.alias.AliasPage;
import dev.masq.alias.AliasPatch;
import dev.masq.alias.AliasQuery;
import dev.masq.alias.AliasService;
import dev.masq.alias.AliasState;
import dev.masq.alias.NewAlias;
import dev.masq.alias.VendorDomains;
import dev.masq.common.ConflictException;
import dev.masq.common.InvalidInputException;
import dev.masq.common.NotFoundException;
import dev.masq.crypto.Tokens;
import dev.masq.db.Database;
import dev.masq.http.RateLimiter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code MaskedEmail/get} and {@code MaskedEmail/set} over masq's aliases. A MaskedEmail is an alias: {@code email} its
 * address, {@code description} its note, {@code forDomain} its vendor's site (masq keeps the registrable domain, so
 * {@code https://www.shop.com} reads back as {@code shop.com}), {@code lastMessageAt} when mail last arrived. masq keeps
 * no deep links and no creating client: {@code url} and {@code createdBy} read null. States: see {@link MaskedEmailState}.
 */
record MaskedEmailMethods(Database db, AliasService aliases, RateLimiter creations) {
    static final int MAX_OBJECTS = 500;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> PROPERTIES = List.of("id", "email", "state", "forDomain", "description", "url",
            "createdBy", "createdAt", "lastMessageAt");
    private static final Set<String> ON_CREATE = Set.of("state", "forDomain", "description", "url", "emailPrefix");
    private static final Set<String> ON_UPDATE = Set.of("state", "forDomain", "description", "url");
    private static final Pattern EMAIL_PREFIX = Pattern.compile("[a-z0-9_]{0,64}");
    /** Room left for the random tail ({@code .} and six characters) within the 64 characters of a local part. */
    private static final int PREFIX_ROOM = 57;

    ObjectNode get(String userId, ObjectNode args) {
        Arguments.allowOnly(args, "accountId", "ids", "properties");
        List<String> ids = Arguments.strings(args, "ids");
        List<String> properties = Arguments.strings(args, "properties");
        if (properties != null) {
            properties.stream().filter(p -> !PROPERTIES.contains(p)).findFirst().ifPresent(p -> {
                throw JmapMethodError.invalidArguments("MaskedEmail has no property '" + p + "'");
            });
        }
        if (ids != null && ids.size() > MAX_OBJECTS) {
            throw new JmapMethodError("requestTooLarge", "at most " + MAX_OBJECTS + " ids at once");
        }
        List<Alias> all = all(userId);
        List<Alias> found = new ArrayList<>();
        ArrayNode notFound = NODES.arrayNode();
        if (ids == null) {
            found.addAll(all);
        } else {
            for (String id : new LinkedHashSet<>(ids)) {
                all.stream().filter(a -> a.id().equals(id)).findFirst().ifPresentOrElse(found::add, () -> notFound.add(id));
            }
        }
        ArrayNode list = NODES.arrayNode();
        found.forEach(a -> list.add(MaskedEmailView.of(a, properties)));
        ObjectNode response = NODES.objectNode();
        response.put("accountId", userId);
        response.put("state", MaskedEmailView.state(all));
        response.set("list", list);
        response.set("notFound", notFound);
        return response;
    }

    /** {@code createdIds} maps the creation ids of this request to the ids made, so later calls may say {@code #new}. */
    ObjectNode set(String userId, ObjectNode args, Map<String, String> createdIds) {
        Arguments.allowOnly(args, "accountId", "ifInState", "create", "update", "destroy");
        ObjectNode create = Arguments.object(args, "create");
        ObjectNode update = Arguments.object(args, "update");
        List<String> destroy = Arguments.strings(args, "destroy");
        int objects = (create == null ? 0 : create.size()) + (update == null ? 0 : update.size())
                + (destroy == null ? 0 : destroy.size());
        if (objects > MAX_OBJECTS) {
            throw new JmapMethodError("requestTooLarge", "at most " + MAX_OBJECTS + " objects at once");
        }
        String oldState = MaskedEmailView.state(all(userId));
        JsonNode ifInState = args.get("ifInState");
        if (ifInState != null && !ifInState.isNull() && !ifInState.asText().equals(oldState)) {
            throw new JmapMethodError("stateMismatch", "the masked emails are no longer in state " + ifInState.asText());
        }
        ObjectNode created = NODES.objectNode();
        ObjectNode notCreated = NODES.objectNode();
        if (create != null) {
            create.properties().forEach(entry -> {
                try {
                    Alias alias = create(userId, entry.getValue());
                    createdIds.put(entry.getKey(), alias.id());
                    created.set(entry.getKey(), MaskedEmailView.of(alias, null));
                } catch (SetFailure e) {
                    notCreated.set(entry.getKey(), e.json());
                }
            });
        }
        ObjectNode updated = NODES.objectNode();
        ObjectNode notUpdated = NODES.objectNode();
        if (update != null) {
            update.properties().forEach(entry -> {
                String id = resolve(entry.getKey(), createdIds);
                try {
                    update(userId, id, entry.getValue());
                    // Nothing the server sets changes when a client sets these properties.
                    updated.putNull(entry.getKey());
                } catch (SetFailure e) {
                    notUpdated.set(entry.getKey(), e.json());
                }
            });
        }
        ArrayNode destroyed = NODES.arrayNode();
        ObjectNode notDestroyed = NODES.objectNode();
        if (destroy != null) {
            for (String ref : destroy) {
                try {
                    aliases.delete(userId, resolve(ref, createdIds));
                    destroyed.add(ref);
                } catch (NotFoundException e) {
                    notDestroyed.set(ref, SetFailure.of("notFound", "no masked email " + ref, null).json());
                }
            }
        }
        ObjectNode response = NODES.objectNode();
        response.put("accountId", userId);
        response.put("oldState", oldState);
        response.put("newState", MaskedEmailView.state(all(userId)));
        response.set("created", nullIfEmpty(created));
        response.set("updated", nullIfEmpty(updated));
        response.set("destroyed", destroyed.isEmpty() ? NODES.nullNode() : destroyed);
        response.set("notCreated", nullIfEmpty(notCreated));
        response.set("notUpdated", nullIfEmpty(notUpdated));
        response.set("notDestroyed", nullIfEmpty(notDestroyed));
        return response;
    }

    private Alias create(String userId, JsonNode value) {
        ObjectNode object = properties(value, ON_CREATE);
        MaskedEmailState state = state(object).orElse(MaskedEmailState.PENDING);
        if (state == MaskedEmailState.DELETED) {
            throw SetFailure.invalid("state", "a masked email is created pending, enabled or disabled");
        }
        String prefix = text(object, "emailPrefix");
        if (prefix != null && !EMAIL_PREFIX.matcher(prefix).matches()) {
            throw SetFailure.invalid("emailPrefix", "emailPrefix is at most 64 of a-z, 0-9 and _");
        }
        String description = text(object, "description");
        text(object, "url");
        // A password manager sends the page the person is on; a page that names no site still gets its alias.
        String site = VendorDomains.tryRegistrableDomain(text(object, "forDomain")).orElse(null);
        if (creations.tryAcquire(userId).isPresent()) {
            throw SetFailure.of("rateLimit", "too many masked emails created; try again in a minute", null);
        }
        String stem = prefix == null ? "" : prefix.replaceAll("^_+|_+$", "");
        stem = stem.length() > PREFIX_ROOM ? stem.substring(0, PREFIX_ROOM).replaceAll("_+$", "") : stem;
        for (int attempt = 0; ; attempt++) {
            NewAlias request = stem.isEmpty()
                    ? new NewAlias(null, null, null, null, site, description)
                    : new NewAlias(NewAlias.AddressMode.CUSTOM, stem + "." + Tokens.randomBase32(6), null, null, site, description);
            try {
                return db.write(tx -> {
                    Alias alias = aliases.create(userId, request);
                    return state == MaskedEmailState.DISABLED ? aliases.pause(userId, alias.id()) : alias;
                });
            } catch (ConflictException e) {
                if (stem.isEmpty() || attempt == 4) {
                    throw SetFailure.from(e);
                }
            } catch (InvalidInputException e) {
                throw SetFailure.from(e);
            }
        }
    }

    private void update(String userId, String id, JsonNode value) {
        ObjectNode patch = properties(value, ON_UPDATE);
        Optional<MaskedEmailState> state = state(patch);
        if (state.isPresent() && state.get() == MaskedEmailState.PENDING) {
            throw SetFailure.invalid("state", "a masked email cannot go back to pending");
        }
        Optional<String> note = patch.has("description") ? Optional.of(nonNull(text(patch, "description"))) : Optional.empty();
        Optional<List<String>> domains = Optional.empty();
        if (patch.has("forDomain")) {
            String forDomain = text(patch, "forDomain");
            domains = Optional.of(forDomain == null || forDomain.isBlank() ? List.of()
                    : List.of(VendorDomains.tryRegistrableDomain(forDomain)
                            .orElseThrow(() -> SetFailure.invalid("forDomain", "not a site or domain name: " + forDomain))));
        }
        text(patch, "url");
        AliasPatch fields = new AliasPatch(note, Optional.empty(), domains);
        try {
            db.writeVoid(tx -> {
                Alias current = aliases.get(userId, id);
                if (note.isPresent() || fields.vendorDomains().isPresent()) {
                    aliases.update(userId, id, fields);
                }
                state.ifPresent(to -> transition(userId, current, to));
            });
        } catch (NotFoundException e) {
            throw SetFailure.of("notFound", "no masked email " + id, null);
        } catch (InvalidInputException e) {
            throw SetFailure.from(e);
        }
    }

    private void transition(String userId, Alias current, MaskedEmailState to) {
        switch (to) {
            case ENABLED -> aliases.resume(userId, current.id());
            case DISABLED -> aliases.pause(userId, current.id());
            case DELETED -> {
                if (current.state() != AliasState.BURNED) {
                    aliases.burn(userId, current.id(), false, null);
                }
            }
            case PENDING -> throw new IllegalStateException("refused before");
        }
    }

    private static ObjectNode properties(JsonNode value, Set<String> settable) {
        if (!(value instanceof ObjectNode object)) {
            throw SetFailure.of("invalidProperties", "a MaskedEmail is a JSON object", null);
        }
        List<String> refused = new ArrayList<>();
        object.fieldNames().forEachRemaining(name -> {
            if (!settable.contains(name)) {
                refused.add(name);
            }
        });
        if (!refused.isEmpty()) {
            throw SetFailure.of("invalidProperties", "these properties cannot be set: " + String.join(", ", refused), refused);
        }
        return object;
    }

    private static Optional<MaskedEmailState> state(ObjectNode object) {
        String wire = text(object, "state");
        if (wire == null) {
            return Optional.empty();
        }
        MaskedEmailState state = MaskedEmailState.fromWire(wire);
        if (state == null) {
            throw SetFailure.invalid("state", "state is pending, enabled, disabled or deleted");
        }
        return Optional.of(state);
    }

    /** A string property, null when absent or null; any other JSON type is refused. */
    private static String text(ObjectNode object, String name) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw SetFailure.invalid(name, name + " must be a string");
        }
        return node.asText();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static String resolve(String id, Map<String, String> createdIds) {
        return id.startsWith("#") ? createdIds.getOrDefault(id.substring(1), id) : id;
    }

    private List<Alias> all(String userId) {
        List<Alias> all = new ArrayList<>();
        String cursor = null;
        do {
            AliasPage page = aliases.list(userId, new AliasQuery(null, null, cursor, 200));
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    private static JsonNode nullIfEmpty(ObjectNode node) {
        return node.isEmpty() ? NODES.nullNode() : node;
    }
}
