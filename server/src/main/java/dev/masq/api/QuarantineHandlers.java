package dev.masq.api;

import dev.masq.quarantine.Quarantine;
import dev.masq.quarantine.QuarantineService;
import io.javalin.http.Context;
import java.time.Instant;

/** {@code /api/v1/quarantine}: the mail held back, released to the inbox or deleted. */
public record QuarantineHandlers(QuarantineService quarantine) {
    /** Every alias's held mail, or one alias's with {@code ?alias=ID}. */
    public void list(Context ctx) {
        ctx.json(new AliasViews.Items<>(quarantine.list(ApiAuth.userId(ctx), ctx.queryParam("alias")).stream()
                .map(HeldView::of).toList()));
    }

    public void release(Context ctx) {
        quarantine.release(ApiAuth.userId(ctx), ctx.pathParam("qid"));
        ctx.status(204);
    }

    public void delete(Context ctx) {
        quarantine.delete(ApiAuth.userId(ctx), ctx.pathParam("qid"));
        ctx.status(204);
    }

    record HeldView(String id, String aliasId, String alias, String verdict, String senderDomain, String subject, String why,
                    Instant receivedAt, Instant expiresAt) {
        static HeldView of(Quarantine.Entry e) {
            return new HeldView(e.id(), e.aliasId(), e.aliasAddress(), e.verdict().wire(), e.senderDomain(), e.subject(),
                    e.why(), e.createdAt(), e.expiresAt());
        }
    }
}
