package dev.masq.api;

import dev.masq.common.InvalidInputException;
import dev.masq.portability.AccountExport;
import io.javalin.http.Context;

/** {@code GET /api/v1/export}: the account as masq's JSON export, or its aliases as CSV with {@code ?format=csv}. */
public record ExportHandlers(AccountExport export) {

    public void export(Context ctx) {
        String format = ctx.queryParam("format");
        String user = ApiAuth.userId(ctx);
        if (format == null || format.equals("json")) {
            ctx.header("Content-Disposition", "attachment; filename=\"masq-export.json\"").json(export.of(user));
        } else if (format.equals("csv")) {
            ctx.contentType("text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"masq-aliases.csv\"")
                    .result(export.aliasesCsv(user));
        } else {
            throw new InvalidInputException("format", "format is json or csv");
        }
    }
}
