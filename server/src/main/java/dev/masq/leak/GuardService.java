package dev.masq.leak;

import dev.masq.common.InvalidInputException;
import dev.masq.common.NotFoundException;
import dev.masq.crypto.Tokens;
import dev.masq.db.Database;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What the person arms an alias with against phishing: canary identifiers per alias, breaches per vendor. */
public final class GuardService {
    /** Shorter strings turn up in ordinary mail by chance. */
    static final int MIN_IDENTIFIER = 4;
    private static final int MAX_IDENTIFIER = 200;
    private static final int MAX_IDENTIFIERS = 50;
    private static final int MAX_NOTE = 2000;

    private final Database db;
    private final LeakRepository leaks;
    private final GuardRepository guards;
    private final Clock clock;

    public GuardService(Database db, LeakRepository leaks, GuardRepository guards, Clock clock) {
        this.db = db;
        this.leaks = leaks;
        this.guards = guards;
        this.clock = clock;
    }

    public List<String> identifiers(String userId, String aliasId) {
        return db.read(ctx -> {
            requireOwned(ctx, userId, aliasId);
            return guards.identifiers(ctx, aliasId);
        });
    }

    /** Replaces the alias's identifiers; an empty list clears them. */
    public List<String> setIdentifiers(String userId, String aliasId, List<String> identifiers) {
        if (identifiers.size() > MAX_IDENTIFIERS) {
            throw new InvalidInputException("identifiers", "at most " + MAX_IDENTIFIERS + " identifiers per alias");
        }
        Set<String> clean = new LinkedHashSet<>();
        for (String raw : identifiers) {
            String id = raw == null ? "" : raw.strip();
            if (id.length() < MIN_IDENTIFIER || id.length() > MAX_IDENTIFIER || id.codePoints().anyMatch(Character::isISOControl)) {
                throw new InvalidInputException("identifiers", "each identifier is " + MIN_IDENTIFIER + " to "
                        + MAX_IDENTIFIER + " characters on one line");
            }
            clean.add(id);
        }
        List<String> stored = List.copyOf(clean);
        db.writeVoid(ctx -> {
            requireOwned(ctx, userId, aliasId);
            guards.replaceIdentifiers(ctx, aliasId, stored);
        });
        return stored;
    }

    /** Records a breach of {@code vendor}, which must be the vendor of one of the person's aliases. */
    public Breach addBreach(String userId, String vendor, String date, String note, String source) {
        LocalDate on;
        try {
            on = LocalDate.parse(date == null ? "" : date.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("date", "the date is YYYY-MM-DD");
        }
        if (on.isAfter(LocalDate.now(clock).plusDays(1))) {
            throw new InvalidInputException("date", "a breach is recorded once it happened");
        }
        String cleanNote = optional(note, "note");
        String cleanSource = optional(source, "source");
        if (cleanSource != null && !isWebAddress(cleanSource)) {
            throw new InvalidInputException("source", "the source is an http(s) address");
        }
        String id = Tokens.newOrderedId("br");
        return db.write(ctx -> {
            if (!guards.hasVendor(ctx, userId, GuardRepository.vendorKey(vendor))) {
                throw new NotFoundException("no alias of yours was given to " + vendor);
            }
            guards.addBreach(ctx, id, userId, vendor, on, cleanNote, cleanSource, clock.instant());
            return new Breach(id, GuardRepository.vendorKey(vendor), on, cleanNote, cleanSource);
        });
    }

    public List<Breach> breaches(String userId) {
        return db.read(ctx -> new ArrayList<>(guards.breaches(ctx, userId)));
    }

    private static String optional(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_NOTE) {
            throw new InvalidInputException(field, field + " is at most " + MAX_NOTE + " characters");
        }
        return value.strip();
    }

    private static boolean isWebAddress(String s) {
        try {
            URI u = URI.create(s);
            return ("https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void requireOwned(org.jooq.DSLContext ctx, String userId, String aliasId) {
        if (!leaks.ownedBy(ctx, aliasId, userId)) {
            throw new NotFoundException("no alias with id " + aliasId);
        }
    }
}
