package dev.masq.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Bar geometry for an inline SVG chart, computed here so the template only places numbers (no script, no library). */
public record WeeklyChart(int width, int height, int max, List<Bar> bars) {
    static final int WIDTH = 480;
    static final int HEIGHT = 160;
    private static final int AXIS = 20;

    public record Bar(int x, int y, int width, int height, String label, int count) {
    }

    static WeeklyChart of(Map<LocalDate, Integer> perWeek) {
        int max = Math.max(1, perWeek.values().stream().mapToInt(Integer::intValue).max().orElse(0));
        int slot = WIDTH / Math.max(1, perWeek.size());
        List<Bar> bars = new ArrayList<>();
        int i = 0;
        for (var e : perWeek.entrySet()) {
            int h = (int) Math.round((HEIGHT - AXIS - 10) * (double) e.getValue() / max);
            bars.add(new Bar(i * slot + 4, HEIGHT - AXIS - h, slot - 8, h, e.getKey().toString().substring(5), e.getValue()));
            i++;
        }
        return new WeeklyChart(WIDTH, HEIGHT, max, bars);
    }

    public int total() {
        return bars.stream().mapToInt(Bar::count).sum();
    }

    public int axisY() {
        return HEIGHT - AXIS;
    }
}
