package dev.masq.api;

import dev.masq.alias.AliasSort;
import dev.masq.alias.AliasState;
import dev.masq.alias.NewAlias;
import dev.masq.common.InvalidInputException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Request bodies and list parameters of addy.io's dialect, and their translation into masq's terms. */
final class AddyRequests {
    private AddyRequests() {
    }

    /** {@code local_part} counts only for the custom format (the extension sends it empty for the others). */
    record Create(String domain, String description, String format, String localPart, List<String> recipientIds) {
        NewAlias toNewAlias() {
            if (format == null) {
                return new NewAlias(null, null, domain, null, null, description);
            }
            return switch (format) {
                case "random_characters" -> new NewAlias(NewAlias.AddressMode.RANDOM, null, domain, null, null, description);
                case "random_words" -> new NewAlias(NewAlias.AddressMode.WORDS, null, domain, null, null, description);
                case "uuid" -> new NewAlias(NewAlias.AddressMode.CUSTOM, UUID.randomUUID().toString(), domain, null, null, description);
                case "custom" -> new NewAlias(NewAlias.AddressMode.CUSTOM, localPart, domain, null, null, description);
                default -> throw new InvalidInputException("format", "format is one of random_characters, uuid, random_words, custom");
            };
        }
    }

    record Patch(String description, String fromName) {
    }

    record Activate(String id) {
    }

    /** Which aliases a list asks for; {@link #none} when its filters exclude each other or ask for pins masq lacks. */
    record ListFilter(AliasState state, boolean withBurned, boolean none) {
        static ListFilter from(String deleted, String active, String pinned) {
            Boolean activeOnly = switch (active == null ? "" : active) {
                case "" -> null;
                case "true" -> true;
                case "false" -> false;
                default -> throw new InvalidInputException("filter[active]", "filter[active] is true or false");
            };
            boolean nothingPinned = "true".equals(pinned);
            return switch (deleted == null || deleted.isEmpty() ? "without" : deleted) {
                case "without" -> new ListFilter(activeOnly == null ? null : activeOnly ? AliasState.ACTIVE : AliasState.PAUSED,
                        false, nothingPinned);
                case "with" -> new ListFilter(activeOnly == null ? null : activeOnly ? AliasState.ACTIVE : AliasState.PAUSED,
                        activeOnly == null, nothingPinned);
                case "only" -> new ListFilter(AliasState.BURNED, true, nothingPinned || Boolean.TRUE.equals(activeOnly));
                default -> throw new InvalidInputException("filter[deleted]", "filter[deleted] is with, without or only");
            };
        }
    }

    /** The orders addy.io's extension offers (each ascending, or descending with {@code -}). */
    private static final Set<String> ADDY_ORDERS = Set.of("active", "email", "created_at", "deleted_at", "domain",
            "emails_blocked", "emails_forwarded", "emails_replied", "emails_sent", "last_blocked", "last_forwarded",
            "last_replied", "last_sent", "last_used", "updated_at");

    /**
     * masq's order nearest to addy.io's: creation either way, most forwarded, last received (for the last-mail
     * orders); the extension's other orders come newest first, since the extension keeps a chosen order for every
     * later list and would otherwise fail on each. A name addy.io does not have is refused.
     */
    static AliasSort sort(String sort) {
        String wanted = sort == null || sort.isEmpty() ? "-created_at" : sort;
        String name = wanted.startsWith("-") ? wanted.substring(1) : wanted;
        if (!ADDY_ORDERS.contains(name)) {
            throw new InvalidInputException("sort", "sort is one of addy.io's orders, such as -created_at");
        }
        return switch (wanted) {
            case "created_at" -> AliasSort.OLDEST;
            case "-emails_forwarded" -> AliasSort.FORWARDED;
            case "-last_forwarded", "-last_blocked", "-last_used" -> AliasSort.LAST_RECEIVED;
            default -> AliasSort.NEWEST;
        };
    }
}
