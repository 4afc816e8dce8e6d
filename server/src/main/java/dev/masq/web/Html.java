package dev.masq.web;

/** Escaping for the few pages written by hand rather than through templates. */
final class Html {
    /** Every page masq writes is UTF-8; saying so keeps browsers from guessing (and Jetty from assuming Latin-1). */
    static final String CONTENT_TYPE = "text/html; charset=utf-8";

    private Html() {
    }

    /** Safe in element content and in quoted attribute values. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A complete page; {@code body} must be escaped already. */
    static String page(String title, String body) {
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + " · masq</title></head>\n<body><main>\n<h1>" + escape(title) + "</h1>\n"
                + body + "\n</main></body></html>\n";
    }
}
