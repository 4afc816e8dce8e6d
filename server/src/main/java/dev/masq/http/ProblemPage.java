package dev.masq.http;

import io.javalin.http.Context;

/**
 * How a problem is shown to a person in a browser. The page side sets one on each page request it
 * handles ({@link #ATTRIBUTE}); a request without one (the API, or a page's script asking for JSON)
 * gets problem+json.
 */
@FunctionalInterface
public interface ProblemPage {
    String ATTRIBUTE = "masq.problem-page";

    void render(Context ctx, Problem problem);
}
