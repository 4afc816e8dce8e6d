package dev.masq.mail.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryFailureTest {
    @Test
    void keepsNoAddressAndOneLine() {
        DeliveryFailure f = DeliveryFailure.ofReply(550, "mx.inbox.test[192.0.2.1]:25",
                "550 5.1.1 <Person@Inbox.test>: Recipient address rejected\r\n550 5.1.1 see https://help.test/?u=person@inbox.test");

        assertThat(f.isPermanent()).isTrue();
        assertThat(f.getMessage())
                .isEqualTo("mx.inbox.test[192.0.2.1]:25 said: 550 5.1.1 <<address>>: Recipient address rejected 550 5.1.1 see https:<address>")
                .doesNotContainIgnoringCase("person");
        assertThat(f.summary()).as("nothing that names the inbox's domain").isEqualTo("550 5.1.1");
    }

    @Test
    void fourHundredsAreTemporary() {
        DeliveryFailure f = DeliveryFailure.ofReply(451, "relay.test:25", "451 later");
        assertThat(f.kind()).isEqualTo(DeliveryFailure.Kind.TEMPORARY);
        assertThat(f.summary()).isEqualTo("451");
    }
}
