package dev.masq.http;

import dev.masq.common.InvalidInputException;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A file sent to be imported: a part of a multipart form, or the whole body. Export files run larger than the JSON
 * requests {@link HttpServer#MAX_BODY_BYTES} is meant for, so uploads have their own, larger, cap.
 */
public final class Uploads {
    /** Some 100,000 aliases of SimpleLogin's CSV. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    private Uploads() {
    }

    /** The multipart part {@code name}, or the body itself when the request is not multipart. */
    public static byte[] file(Context ctx, String name) {
        if (ctx.isMultipartFormData()) {
            UploadedFile file;
            try {
                file = ctx.uploadedFile(name);
            } catch (IllegalStateException e) {
                // Jetty refuses a part over the multipart limits this way.
                throw tooLarge();
            }
            if (file == null) {
                throw new InvalidInputException(name, "attach the file as '" + name + "'");
            }
            if (file.size() > MAX_BYTES) {
                throw tooLarge();
            }
            try (InputStream in = file.content()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                throw tooLarge();
            }
            if (body.length == 0) {
                throw new InvalidInputException(name, "send the file as the body, or as the multipart part '" + name + "'");
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProblemException tooLarge() {
        return new ProblemException(Problem.of(413, "the file is larger than " + MAX_BYTES + " bytes"), Map.of());
    }
}
