package dev.masq.mail.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryFailureTest {
    @Test
    void keepsNoAddressAndOneLine() {
        DeliveryFailure f = DeliveryFailure.ofReply(550, "550 5.1.1 <Person@Inbox.test>: Recipient address rejected\r\n"
                + "550 5.1.1 see https://help.test/?u=person@inbox.test");

        assertThat(f.isPermanent()).isTrue();
        assertThat(f.getMessage())
                .isEqualTo("550 5.1.1 <<address>>: Recipient address rejected 550 5.1.1 see https:<address>")
                .doesNotContainIgnoringCase("person");
    }

    @Test
    void fourHundredsAreTemporary() {
        assertThat(DeliveryFailure.ofReply(451, "451 4.3.0 later").kind()).isEqualTo(DeliveryFailure.Kind.TEMPORARY);
    }
}
