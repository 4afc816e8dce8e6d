package dev.masq.leak;

import dev.masq.mail.body.BodyText;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the message itself says beyond its domains, for the checks the domain checks miss.
 *
 * @param displayName    the display name of its From; null when none
 * @param replyToDomains the domains of its Reply-To addresses (normalised hosts)
 * @param subject        its Subject, decoded; empty when none
 * @param body           its decoded text and links, computed once on first use (bounded, see {@link BodyText})
 */
public record MessageClues(String displayName, List<String> replyToDomains, String subject, Supplier<BodyText> body) {
    public static final MessageClues NONE = new MessageClues(null, List.of(), "", () -> BodyText.EMPTY);

    public MessageClues {
        replyToDomains = List.copyOf(replyToDomains);
    }
}
