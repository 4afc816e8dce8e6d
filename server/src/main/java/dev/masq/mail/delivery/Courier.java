package dev.masq.mail.delivery;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import dev.masq.outbox.Delivery;

/** Carries one delivery to the smarthost, or else to the recipient domain's mail servers in turn. */
final class Courier {
    private final Optional<Hop> relay;
    private final MxResolver mx;
    private final SmtpSender sender;

    Courier(Optional<InetSocketAddress> relay, MxResolver mx, SmtpSender sender) {
        this.relay = relay.map(r -> new Hop(r.getHostString(), r));
        this.mx = mx;
        this.sender = sender;
    }

    /** Returns the server that accepted the message. */
    Hop carry(Delivery delivery) throws DeliveryFailure {
        List<Hop> hops = relay.isPresent() ? List.of(relay.get()) : mx.resolve(domainOf(delivery.recipient()));
        DeliveryFailure unreachable = null;
        for (Hop hop : hops) {
            try {
                sender.send(delivery, hop);
                return hop;
            } catch (DeliveryFailure f) {
                // Only a server that could not be reached sends us on to the next one; an answer
                // (accepting or refusing, for now or for good) from any of them settles this attempt.
                if (f.kind() != DeliveryFailure.Kind.UNREACHABLE) {
                    throw f;
                }
                unreachable = f;
            }
        }
        throw unreachable == null
                ? DeliveryFailure.temporary("no mail server", "no server to deliver to")
                : DeliveryFailure.temporary(unreachable.summary(), unreachable.getMessage());
    }

    private static String domainOf(String recipient) throws DeliveryFailure {
        int at = recipient.lastIndexOf('@');
        if (at < 0 || at == recipient.length() - 1) {
            throw DeliveryFailure.permanent("invalid recipient address", "recipient has no domain");
        }
        return recipient.substring(at + 1);
    }
}
