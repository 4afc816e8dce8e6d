package dev.masq.common;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: reads it as Python's csv module and PhpSpreadsheet write it (quoted cells, doubled quotes, CRLF or
 * LF), and writes rows a spreadsheet opens safely.
 */
public final class Csv {
    private Csv() {
    }

    public static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
                any = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || cell.length() > 0) {
                    row.add(cell.toString());
                    rows.add(row);
                }
                row = new ArrayList<>();
                cell.setLength(0);
                any = false;
            } else {
                cell.append(c);
                any = true;
            }
        }
        if (quoted) {
            throw new InvalidInputException("file", "the CSV ends inside a quoted cell");
        }
        if (any || cell.length() > 0) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    /** One CRLF-ended row. A cell that a spreadsheet would run as a formula is prefixed with {@code '}. */
    public static String row(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (String cell : cells) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(cell(cell));
        }
        return sb.append("\r\n").toString();
    }

    private static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
