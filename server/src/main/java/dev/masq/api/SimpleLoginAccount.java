package dev.masq.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.masq.account.ApiKeyService;
import dev.masq.account.InboxService;
import dev.masq.account.Mailbox;
import dev.masq.account.Profile;
import dev.masq.account.SignInService;
import dev.masq.alias.Alias;
import dev.masq.alias.AliasQuery;
import dev.masq.alias.AliasService;
import dev.masq.alias.AliasState;
import dev.masq.alias.VendorDomains;
import dev.masq.crypto.Tokens;
import dev.masq.http.JsonBody;
import dev.masq.http.Problem;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * SimpleLogin's account calls: the key check ({@code user_info}), the options of the create screen with their
 * signed suffixes, the inboxes (SimpleLogin's mailboxes), a second key, log-out, and the password log-in, which
 * masq refuses on purpose (see {@link #login}).
 */
public record SimpleLoginAccount(SignInService signIn, InboxService inboxes, AliasService aliases, ApiKeyService keys,
                                 AliasDomains domains, SignedSuffixes suffixes) {
    static final String PASTE_A_KEY = "masq does not take your password here: create an API key on masq's web page "
            + "API keys (/keys) and paste it into this client instead";

    /** What the extension checks a pasted key with; it greets the person by {@code name}, else {@code email}. */
    public void userInfo(Context ctx) {
        Profile profile = signIn.profile(ApiAuth.userId(ctx));
        ctx.json(new SimpleLoginViews.UserInfo("", profile.email(), true, false, null, true));
    }

    public void optionsV4(Context ctx) {
        String user = ApiAuth.userId(ctx);
        List<List<String>> offered = offers(user).stream().map(s -> List.of(s.suffix(), s.signedSuffix())).toList();
        ctx.json(new SimpleLoginViews.OptionsV4(true, prefixSuggestion(ctx), offered, recommendation(user, ctx)));
    }

    public void optionsV5(Context ctx) {
        String user = ApiAuth.userId(ctx);
        ctx.json(new SimpleLoginViews.OptionsV5(true, prefixSuggestion(ctx), offers(user), recommendation(user, ctx)));
    }

    public void setting(Context ctx) {
        String user = ApiAuth.userId(ctx);
        Profile profile = signIn.profile(user);
        List<String> offered = domains.of(user);
        String domain = profile.defaultDomain() != null && offered.contains(profile.defaultDomain()) ? profile.defaultDomain() : offered.getFirst();
        ctx.json(new SimpleLoginViews.Setting("random".equals(profile.defaultMode()) ? "uuid" : "word", profile.notifyLeaks(),
                domain, "AT", "random_string"));
    }

    /** The domains a random alias can be made on; users' own domains will be {@code is_custom}. */
    public void settingDomains(Context ctx) {
        ctx.json(domains.of(ApiAuth.userId(ctx)).stream().map(d -> new SimpleLoginViews.SettingDomain(d, false)).toList());
    }

    /** v1 lists the confirmed inboxes (the ones an alias can forward to), v2 every inbox. */
    public void mailboxes(Context ctx) {
        ctx.json(new SimpleLoginViews.Mailboxes(inboxes.list(ApiAuth.userId(ctx)).stream().filter(Mailbox::verified)
                .map(SimpleLoginViews.MailboxView::of).toList()));
    }

    public void mailboxesV2(Context ctx) {
        ctx.json(new SimpleLoginViews.Mailboxes(inboxes.list(ApiAuth.userId(ctx)).stream()
                .map(SimpleLoginViews.MailboxView::of).toList()));
    }

    /** A new key named after {@code device}, with no more scopes than the key that asked for it. */
    public void apiKey(Context ctx) {
        DeviceBody body = JsonBody.read(ctx, DeviceBody.class);
        String device = body.device() == null || body.device().isBlank() ? "SimpleLogin client" : body.device().strip();
        String name = device.length() > 100 ? device.substring(0, 100) : device;
        ApiKeyService.IssuedKey key = keys.create(ApiAuth.userId(ctx), name, ApiAuth.scopes(ctx));
        ctx.status(201).json(new SimpleLoginViews.ApiKey(key.secret()));
    }

    /** The extension forgets its key; masq keeps it, since the same key may serve another client. */
    public void logout(Context ctx) {
        ctx.json(new SimpleLoginViews.Message("User is logged out"));
    }

    /**
     * Refused, for SimpleLogin's and addy.io's clients alike (both post here): a password typed into an extension
     * would mint an all-powerful key without the passkey or second factor the web sign-in asks for, and would make
     * this endpoint a password oracle. 403 is the answer on which SimpleLogin's extension tells the person to use
     * an API key; addy.io's shows {@code message}.
     */
    public void login(Context ctx) {
        SimpleLoginViews.LoginRefused refusal = new SimpleLoginViews.LoginRefused(
                "about:blank", HttpStatus.FORBIDDEN.getMessage(), 403, PASTE_A_KEY, PASTE_A_KEY, PASTE_A_KEY);
        ctx.status(HttpStatus.FORBIDDEN).contentType(Problem.CONTENT_TYPE)
                .result(ctx.jsonMapper().toJsonString(refusal, SimpleLoginViews.LoginRefused.class));
    }

    private List<SimpleLoginViews.Suffix> offers(String user) {
        return domains.of(user).stream().map(domain -> {
            String suffix = "." + Tokens.randomBase32(4) + "@" + domain;
            return new SimpleLoginViews.Suffix(suffix, suffixes.sign(user, suffix), false, false);
        }).toList();
    }

    /** The site's name without its public suffix: {@code www.shop.co.uk} suggests {@code shop}. */
    private static String prefixSuggestion(Context ctx) {
        return VendorDomains.tryRegistrableDomain(ctx.queryParam("hostname"))
                .map(domain -> domain.substring(0, domain.indexOf('.')).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""))
                .orElse("");
    }

    /** The newest active alias made for this site, if any. */
    private SimpleLoginViews.Recommendation recommendation(String user, Context ctx) {
        Optional<String> site = VendorDomains.tryRegistrableDomain(ctx.queryParam("hostname"));
        if (site.isEmpty()) {
            return null;
        }
        return aliases.list(user, new AliasQuery(AliasState.ACTIVE, site.get(), null, 50)).items().stream()
                .filter(a -> a.vendorDomains().stream().anyMatch(d -> d.domain().equals(site.get())))
                .findFirst()
                .map(Alias::address)
                .map(address -> new SimpleLoginViews.Recommendation(address, ctx.queryParam("hostname")))
                .orElse(null);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DeviceBody(String device) {
    }
}
