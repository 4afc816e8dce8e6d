package dev.masq.common;

/** The request is well-formed but clashes with existing state (an address taken, an alias already burned). */
public class ConflictException extends InvalidInputException {
    public ConflictException(String field, String message) {
        super(field, message);
    }
}
