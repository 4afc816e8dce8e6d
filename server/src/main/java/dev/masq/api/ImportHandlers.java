package dev.masq.api;

import dev.masq.http.Uploads;
import dev.masq.portability.ImportFormat;
import dev.masq.portability.ImportJob;
import dev.masq.portability.ImportJobs;
import io.javalin.http.Context;
import io.javalin.http.Header;

/**
 * {@code POST /api/v1/imports} takes an export file (multipart part {@code file}, or the body itself) and answers the
 * job it started; {@code GET /api/v1/imports/{id}} says how far it is. {@code format} (query or form field) names
 * the file's format when it cannot be told from the file.
 */
public record ImportHandlers(ImportJobs jobs) {

    public void start(Context ctx) {
        byte[] file = Uploads.file(ctx, "file");
        String format = ctx.queryParam("format") != null ? ctx.queryParam("format")
                : ctx.isMultipartFormData() ? ctx.formParam("format") : null;
        ImportJob.Snapshot job = jobs.start(ApiAuth.userId(ctx), ImportFormat.fromWire(format), file);
        ctx.status(202).header(Header.LOCATION, "/api/v1/imports/" + job.id()).json(job);
    }

    public void get(Context ctx) {
        ctx.json(jobs.get(ApiAuth.userId(ctx), ctx.pathParam("id")));
    }
}
