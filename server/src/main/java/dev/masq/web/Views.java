package dev.masq.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;

/** Renders the precompiled JTE templates of {@code web/templates}; output is HTML-escaped unless a template says otherwise. */
public final class Views {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private Views() {
    }

    public static void render(Context ctx, String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        ENGINE.render(template, params, out);
        // Pages show personal data: a shared cache must not keep them, nor the back button after sign-out.
        ctx.header("Cache-Control", "no-store").contentType(Html.CONTENT_TYPE).result(out.toString());
    }

    /** A page in the layout: {@code model} is the template's second parameter. */
    public static void page(Context ctx, String template, Object model) {
        render(ctx, template, Map.of("page", WebGate.page(ctx), "m", model));
    }

    /** A page that needs nothing but the layout's data. */
    public static void page(Context ctx, String template) {
        render(ctx, template, Map.of("page", WebGate.page(ctx)));
    }
}
