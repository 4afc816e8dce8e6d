package dev.masq.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty writes itself, for requests it refuses before Javalin sees them (a URI too long, a NUL or an
 * ambiguous segment in the path): problem+json with the security headers of every other answer, so that API clients
 * meet one error format. Always problem+json, pages included: Jetty hands over such a request with a placeholder path
 * ({@code /badMessage}), so whether it was meant for the API or a page cannot be told, and people can read it too.
 */
final class JettyErrors extends ErrorHandler {
    private final SecurityHeaders headers;

    JettyErrors(SecurityHeaders headers) {
        this.headers = headers;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        headers.apply(path, (name, value) -> response.getHeaders().put(name, value));
        Problem problem = Problem.of(code, message == null || message.isBlank() ? "the request was refused" : message);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        response.write(true, ByteBuffer.wrap(Json.MAPPER.writeValueAsBytes(problem)), callback);
    }
}
