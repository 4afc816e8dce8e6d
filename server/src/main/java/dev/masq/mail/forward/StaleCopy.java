package dev.masq.mail.forward;

/**
 * A copy prepared before the write no longer matches what the write finds (another message created a
 * reverse alias it names, or taught the alias its vendor): the write is rolled back and the copy prepared again.
 */
final class StaleCopy extends RuntimeException {
    StaleCopy(String message) {
        super(message, null, false, false);
    }
}
