// A DNS responder on 127.0.0.1 that knows no names: every query gets an authoritative NXDOMAIN at once.
// The forwarding benchmark points masq's sender checks (SPF, DKIM, DMARC) at it, so that they do their
// full work per message without waiting on the public Internet, which these machines cannot reach.
//   java -cp server/target/masq.jar bench/QuietDns.java PORT
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Arrays;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;

public class QuietDns {
    public static void main(String[] args) throws Exception {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])))) {
            byte[] buffer = new byte[4096];
            while (true) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                Message query = new Message(Arrays.copyOf(packet.getData(), packet.getLength()));
                Message answer = new Message(query.getHeader().getID());
                answer.getHeader().setFlag(Flags.QR);
                answer.getHeader().setFlag(Flags.AA);
                answer.getHeader().setRcode(Rcode.NXDOMAIN);
                answer.addRecord(query.getQuestion(), Section.QUESTION);
                byte[] wire = answer.toWire();
                socket.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
            }
        }
    }
}
