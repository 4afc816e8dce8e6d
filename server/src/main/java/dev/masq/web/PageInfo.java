package dev.masq.web;

import dev.masq.account.Profile;

/** What the layout needs on every page: the CSRF token for its forms and who is signed in (null on sign-in pages). */
public record PageInfo(String csrf, Profile user, String path) {
    public boolean signedIn() {
        return user != null;
    }

    /** {@code aria-current} for the navigation link that leads here. */
    public String current(String prefix) {
        boolean here = prefix.equals("/") ? path.equals("/") || path.startsWith("/aliases") : path.startsWith(prefix);
        return here ? "page" : null;
    }
}
