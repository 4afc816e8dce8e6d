package dev.masq.common;

/** The caller asked for something malformed; {@code field} names the offending input. */
public class InvalidInputException extends RuntimeException {
    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
