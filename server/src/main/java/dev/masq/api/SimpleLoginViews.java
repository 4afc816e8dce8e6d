package dev.masq.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.masq.account.Mailbox;
import dev.masq.alias.Alias;
import dev.masq.alias.AliasState;
import dev.masq.mail.forward.Contact;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * SimpleLogin's JSON shapes, field for field as its browser extension and apps read them. Its ids are numbers;
 * masq's are opaque strings, which its clients only ever send back.
 */
final class SimpleLoginViews {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'+00:00'").withZone(ZoneOffset.UTC);

    private SimpleLoginViews() {
    }

    /**
     * {@code enabled} is masq's active; paused and burned aliases are both disabled (a burned one cannot be toggled
     * back). {@code alias} repeats the address: the create calls' clients read it there.
     */
    record SlAlias(String id, String alias, String email, String name, boolean enabled, String creationDate,
                   long creationTimestamp, String note, long nbBlock, long nbForward, long nbReply, boolean supportPgp,
                   boolean disablePgp, SlMailbox mailbox, List<SlMailbox> mailboxes, Object latestActivity, boolean pinned) {
        static SlAlias of(Alias a, List<Mailbox> inboxes) {
            List<SlMailbox> boxes = inboxes.stream().map(SlMailbox::of).toList();
            return new SlAlias(a.id(), a.address(), a.address(), a.displayName(), a.state() == AliasState.ACTIVE,
                    date(a.createdAt()), a.createdAt().getEpochSecond(), a.note(), a.blocked(), a.forwarded(), a.replied(),
                    false, false, boxes.isEmpty() ? null : boxes.getFirst(), boxes, null, false);
        }
    }

    record SlMailbox(String id, String email) {
        static SlMailbox of(Mailbox m) {
            return new SlMailbox(m.id(), m.address());
        }
    }

    record Aliases(List<SlAlias> aliases) {
    }

    /** One mail through the alias: {@code forward} and {@code block} come from {@code from}, {@code reply} goes to {@code to}. */
    record Activity(String action, String from, String to, long timestamp) {
    }

    record Activities(List<Activity> activities) {
    }

    /** The person's defaults in SimpleLogin's words: {@code word} or {@code uuid}, and the default domain. */
    record Setting(String aliasGenerator, boolean notification, String randomAliasDefaultDomain, String senderFormat,
                   String randomAliasSuffix) {
    }

    record SettingDomain(String domain, boolean isCustom) {
    }

    record Toggled(boolean enabled) {
    }

    record Deleted(boolean deleted) {
    }

    record Ok(boolean ok) {
    }

    /** {@code default} is the inbox new aliases forward to. */
    record MailboxView(String id, String email, @JsonProperty("default") boolean isDefault, boolean verified) {
        static MailboxView of(Mailbox m) {
            return new MailboxView(m.id(), m.address(), m.isDefault(), m.verified());
        }
    }

    record Mailboxes(List<MailboxView> mailboxes) {
    }

    /** A masq contact: {@code reverse_alias} is what the owner writes to, as SimpleLogin formats it for a To field. */
    record ContactView(String id, String contact, String creationDate, long creationTimestamp, String lastEmailSentDate,
                       Long lastEmailSentTimestamp, String reverseAlias, String reverseAliasAddress, boolean blockForward,
                       Boolean existed) {
        static ContactView of(Contact c, Boolean existed) {
            return new ContactView(c.id(), c.address(), date(c.createdAt()), c.createdAt().getEpochSecond(), null, null,
                    "\"" + c.address().replace("@", " at ").replace("\"", "") + "\" <" + c.reverseAlias() + ">",
                    c.reverseAlias(), c.blocked(), existed);
        }
    }

    record Contacts(List<ContactView> contacts) {
    }

    /** Every masq user has all of it: there is no premium tier to upsell. */
    record UserInfo(String name, String email, boolean isPremium, boolean inTrial, String profilePictureUrl,
                    boolean canCreateReverseAlias) {
    }

    record ApiKey(String apiKey) {
    }

    record Message(String msg) {
    }

    /** v4 gives each suffix as {@code [suffix, signed_suffix]}; v5 as an object. */
    record OptionsV4(boolean canCreate, String prefixSuggestion, List<List<String>> suffixes, Recommendation recommendation) {
    }

    record OptionsV5(boolean canCreate, String prefixSuggestion, List<Suffix> suffixes, Recommendation recommendation) {
    }

    record Suffix(String suffix, String signedSuffix, boolean isCustom, boolean isPremium) {
    }

    /** The alias already used on this site, which the extension offers before a new one. */
    record Recommendation(String alias, String hostname) {
    }

    /** A problem document that also carries {@code message}, the field addy.io's clients show. */
    record LoginRefused(String type, String title, int status, String detail, String error, String message) {
    }

    private static String date(Instant at) {
        return DATE.format(at);
    }
}
