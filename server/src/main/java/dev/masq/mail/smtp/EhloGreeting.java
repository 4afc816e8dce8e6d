package dev.masq.mail.smtp;

import java.util.List;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.protocols.api.ProtocolSession.State;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.smtp.SMTPResponse;
import org.apache.james.protocols.smtp.SMTPRetCode;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.core.esmtp.EhloCmdHandler;
import org.apache.james.protocols.smtp.core.esmtp.EhloExtension;

/**
 * James's EHLO, answering {@code 250-host Hello name [address]}: James 3.8.1 ends that line with a
 * stray {@code ")"}, which every client sees and logs. The extensions are listed as James lists them.
 */
final class EhloGreeting extends EhloCmdHandler {
    private List<EhloExtension> extensions = List.of();

    EhloGreeting(MetricFactory metrics) {
        super(metrics);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void wireExtensions(Class<?> interfaceName, List<?> extension) {
        super.wireExtensions(interfaceName, extension);
        if (EhloExtension.class.equals(interfaceName)) {
            extensions = (List<EhloExtension>) extension;
        }
    }

    @Override
    protected Response doCoreCmd(SMTPSession session, String command, String parameters) {
        SMTPResponse response = new SMTPResponse(SMTPRetCode.MAIL_OK, session.getConfiguration().getHelloName()
                + " Hello " + parameters + " [" + session.getRemoteAddress().getAddress().getHostAddress() + "]");
        session.setAttachment(SMTPSession.CURRENT_HELO_MODE, "EHLO", State.Connection);
        for (EhloExtension extension : extensions) {
            List<String> features = extension.getImplementedEsmtpFeatures(session);
            if (features != null) {
                features.forEach(response::appendLine);
            }
        }
        return response;
    }
}
