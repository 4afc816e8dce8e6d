package dev.masq.http;

/** Ends a page request with "303 See Other": after a form post, or to send someone to sign in first. */
public final class Redirect extends RuntimeException {
    private final String location;

    public Redirect(String location) {
        super(location, null, false, false);
        this.location = location;
    }

    public String location() {
        return location;
    }
}
