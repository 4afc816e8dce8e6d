package dev.masq.account;

/** What the web pages show and check about a signed-in person. {@code email} is their default (login) inbox. */
public record Profile(String id, String email, boolean admin, boolean hasTotp, String defaultDomain, String defaultMode,
                      boolean notifyLeaks) {
}
