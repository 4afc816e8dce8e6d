package dev.masq.mail.forward;

/** Someone named in a From or Reply-To field: a display name as decoded (may be null) and a plain address. */
record NamedAddress(String name, String address) {
}
