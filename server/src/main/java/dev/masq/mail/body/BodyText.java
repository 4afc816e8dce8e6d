package dev.masq.mail.body;

import java.net.URI;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person reads in a message, decoded from its text parts for the checks that look inside: the
 * text (plain and HTML as they are) and the links. Bounded whatever the message: at most {@link #TEXT_CAP}
 * bytes of decoded text in all, {@link #HTML_CAP} of HTML looked at for links, {@link #MAX_LINKS} links.
 */
public record BodyText(String text, List<Link> links) {
    static final int TEXT_CAP = 256 * 1024;
    static final int HTML_CAP = 128 * 1024;
    static final int MAX_LINKS = 200;
    private static final int MAX_TAG = 2048;
    private static final int MAX_ANCHOR_TEXT = 2048;
    private static final Pattern BARE_URL = Pattern.compile("https?://[^\\s<>\"')\\]]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern HREF = Pattern.compile("href\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<[^>]{0,2048}>");

    public static final BodyText EMPTY = new BodyText("", List.of());

    public BodyText {
        links = List.copyOf(links);
    }

    /** The text of the message whose header section starts at 0. */
    public static BodyText of(byte[] message) {
        StringBuilder text = new StringBuilder();
        List<Link> links = new ArrayList<>();
        int budget = TEXT_CAP;
        for (MimeParts.Leaf leaf : MimeParts.leaves(message)) {
            if (!leaf.isText() || budget <= 0) {
                continue;
            }
            Charset cs = Codec.charset(leaf.charset());
            String decoded = new String(Codec.decode(message, leaf.bodyStart(), leaf.bodyEnd(), leaf.encoding(), budget), cs);
            budget -= decoded.length();
            text.append(decoded).append('\n');
            if (leaf.type().equals("text/html")) {
                anchors(decoded.length() > HTML_CAP ? decoded.substring(0, HTML_CAP) : decoded, links);
            } else {
                bareUrls(decoded, links);
            }
        }
        return new BodyText(text.toString(), links);
    }

    private static void bareUrls(String text, List<Link> links) {
        Matcher m = BARE_URL.matcher(text);
        while (m.find() && links.size() < MAX_LINKS) {
            host(m.group()).ifPresent(h -> links.add(new Link(m.group(), h)));
        }
    }

    /** Each {@code <a href>} with its visible text; scanning moves forward only, so the work is linear. */
    private static void anchors(String html, List<Link> links) {
        String lower = html.toLowerCase(Locale.ROOT);
        int pos = 0;
        while (links.size() < MAX_LINKS) {
            int open = lower.indexOf("<a", pos);
            if (open < 0) {
                return;
            }
            int tagEnd = lower.indexOf('>', open);
            if (tagEnd < 0 || tagEnd - open > MAX_TAG) {
                pos = open + 2;
                continue;
            }
            pos = tagEnd + 1;
            if (open + 2 < lower.length() && !Character.isWhitespace(lower.charAt(open + 2))) {
                continue; // <abbr>, <area>...
            }
            Matcher href = HREF.matcher(html.substring(open, tagEnd));
            if (!href.find()) {
                continue;
            }
            String target = href.group(1) != null ? href.group(1) : href.group(2) != null ? href.group(2) : href.group(3);
            int close = lower.indexOf("</a", pos);
            String visible = close < 0 || close - pos > MAX_ANCHOR_TEXT ? "" : visibleText(html.substring(pos, close));
            host(unescape(target)).ifPresent(h -> links.add(new Link(visible, h)));
        }
    }

    private static String visibleText(String inner) {
        return unescape(TAG.matcher(inner).replaceAll(" ")).strip();
    }

    private static String unescape(String s) {
        return s.replace("&amp;", "&").replace("&#46;", ".").replace("&period;", ".").replace("&quot;", "\"")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", " ");
    }

    private static java.util.Optional<String> host(String url) {
        String u = url.strip();
        String scheme = u.toLowerCase(Locale.ROOT);
        if (!scheme.startsWith("http://") && !scheme.startsWith("https://")) {
            return java.util.Optional.empty();
        }
        try {
            String host = URI.create(u.replace(" ", "%20")).getHost();
            return host == null ? java.util.Optional.empty() : java.util.Optional.of(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // Not a URI Java parses (an IDN written in Unicode, say): the host is what stands after the scheme.
            String rest = u.substring(u.indexOf("//") + 2);
            int end = 0;
            while (end < rest.length() && "/?#:@".indexOf(rest.charAt(end)) < 0) {
                end++;
            }
            return end == 0 ? java.util.Optional.empty() : java.util.Optional.of(rest.substring(0, end).toLowerCase(Locale.ROOT));
        }
    }
}
