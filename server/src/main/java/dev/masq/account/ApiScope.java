package dev.masq.account;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What an API key may do. A key carries any subset; the REST API checks one scope per endpoint. */
public enum ApiScope {
    ALIASES_READ("aliases:read"),
    ALIASES_WRITE("aliases:write"),
    LEAKS_READ("leaks:read");

    private final String wire;

    ApiScope(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<ApiScope> fromWire(String s) {
        return Arrays.stream(values()).filter(v -> v.wire.equals(s)).findFirst();
    }

    /** The space-separated form stored with a key (OAuth's convention); unknown words are ignored. */
    public static Set<ApiScope> parse(String spaceSeparated) {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (String word : spaceSeparated.trim().split("\\s+")) {
            fromWire(word).ifPresent(scopes::add);
        }
        return scopes;
    }

    public static String format(Set<ApiScope> scopes) {
        return scopes.stream().sorted().map(ApiScope::wire).collect(Collectors.joining(" "));
    }
}
