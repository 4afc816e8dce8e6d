package dev.masq.domain;

/** A request for a domain: one of the user's own ({@code domain}), or a subdomain of ours ({@code subdomain}, under {@code parent}). */
public record NewDomain(String domain, String subdomain, String parent) {
}
