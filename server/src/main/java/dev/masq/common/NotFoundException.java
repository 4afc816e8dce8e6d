package dev.masq.common;

/** No such thing, or not yours: the two are indistinguishable to the caller on purpose. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
