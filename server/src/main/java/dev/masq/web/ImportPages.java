package dev.masq.web;

import dev.masq.common.InvalidInputException;
import dev.masq.http.ProblemException;
import dev.masq.http.Redirect;
import dev.masq.http.Uploads;
import dev.masq.portability.ImportFormat;
import dev.masq.portability.ImportJob;
import dev.masq.portability.ImportJobs;
import io.javalin.http.Context;

/**
 * Settings → import: upload an export file, then watch the job's page, which shows its progress (updated by
 * {@code /static/import.js} while it runs; reloading works as well) and, once done, what was imported and skipped.
 */
public record ImportPages(ImportJobs jobs) {

    /** {@code job} null: the upload form, with {@code error} next to the file field when the last upload was refused. */
    public record ImportView(ImportJob.Snapshot job, String error) {
        public boolean running() {
            return job != null && job.status().equals("running");
        }
    }

    public void form(Context ctx) {
        Views.page(ctx, "import.jte", new ImportView(null, null));
    }

    public void upload(Context ctx) {
        ImportJob.Snapshot job;
        try {
            byte[] file = Uploads.file(ctx, "file");
            job = jobs.start(WebGate.userId(ctx), ImportFormat.fromWire(ctx.formParam("format")), file);
        } catch (InvalidInputException e) {
            ctx.status(422);
            Views.page(ctx, "import.jte", new ImportView(null, e.getMessage()));
            return;
        } catch (ProblemException e) {
            ctx.status(e.problem().status());
            Views.page(ctx, "import.jte", new ImportView(null, e.problem().detail()));
            return;
        }
        throw new Redirect("/settings/imports/" + job.id());
    }

    public void show(Context ctx) {
        Views.page(ctx, "import.jte", new ImportView(jobs.get(WebGate.userId(ctx), ctx.pathParam("id")), null));
    }

    /** What the page's script polls. */
    public void status(Context ctx) {
        ctx.header("Cache-Control", "no-store").json(jobs.get(WebGate.userId(ctx), ctx.pathParam("id")));
    }
}
