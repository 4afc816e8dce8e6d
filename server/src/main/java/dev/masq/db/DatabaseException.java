package dev.masq.db;

/** The database could not do what was asked; the caller's change did not happen. */
public class DatabaseException extends RuntimeException {
    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
