package dev.masq.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.masq.alias.Alias;
import dev.masq.alias.AliasService;
import dev.masq.alias.NewAlias;
import dev.masq.alias.VendorDomains;
import dev.masq.http.JsonBody;
import dev.masq.http.ProblemException;
import dev.masq.http.RateLimiter;
import io.javalin.http.Context;

/**
 * SimpleLogin's {@code POST /api/alias/random/new}, which password managers (Bitwarden among them) already speak:
 * key in the {@code Authentication} header, body {@code {"note"}}, the new address read from {@code alias}.
 */
public record SimpleLoginHandlers(AliasService aliases, RateLimiter creations) {
    /** Query {@code hostname} (the site the alias is for) becomes the vendor domain when it is one; {@code mode=uuid} asks for random characters. */
    public void randomNew(Context ctx) {
        String user = ApiAuth.userId(ctx);
        creations.acquire(user);
        Body body = JsonBody.read(ctx, Body.class);
        String site = VendorDomains.tryRegistrableDomain(ctx.queryParam("hostname")).orElse(null);
        NewAlias.AddressMode mode = mode(ctx.queryParam("mode"));
        Alias alias = aliases.create(user, new NewAlias(mode, null, null, null, site, body.note()));
        ctx.status(201).json(new Created(alias.address(), alias.address(), alias.note(), true));
    }

    /** SimpleLogin's two modes; it answers any other with a 400, and so do we rather than guess. */
    private static NewAlias.AddressMode mode(String mode) {
        if (mode == null || mode.equals("word")) {
            return NewAlias.AddressMode.WORDS;
        }
        if (mode.equals("uuid")) {
            return NewAlias.AddressMode.RANDOM;
        }
        throw ProblemException.badRequest("mode", "mode is word or uuid");
    }

    // SimpleLogin ignores fields it does not know; its clients may rely on that.
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Body(String note) {
    }

    record Created(String alias, String email, String note, boolean enabled) {
    }
}
