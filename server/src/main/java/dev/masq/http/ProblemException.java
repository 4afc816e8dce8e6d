package dev.masq.http;

import java.time.Duration;
import java.util.Map;

/** Ends a request with a problem document that the services have no word for (auth, rate limits, malformed bodies). */
public final class ProblemException extends RuntimeException {
    private final Problem problem;
    private final Map<String, String> headers;

    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    /** Malformed JSON, wrong JSON types, unknown fields, unparsable parameters: the request itself is broken. */
    public static ProblemException badRequest(String field, String detail) {
        return new ProblemException(Problem.ofField(400, field, detail), Map.of());
    }

    /** RFC 6750: the challenge tells the client which scheme to use and, when a key was sent, that it was refused. */
    public static ProblemException unauthorized(String detail, String challenge) {
        return new ProblemException(Problem.of(401, detail), Map.of("WWW-Authenticate", challenge));
    }

    public static ProblemException tooManyRequests(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new ProblemException(Problem.of(429, "too many requests; try again in " + seconds + " s"),
                Map.of("Retry-After", Long.toString(seconds)));
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
