package dev.masq.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Bar geometry for an inline SVG chart, computed here so the template only places numbers (no script, no library). */
public record WeeklyChart(int width, int height, int max, List<Bar> bars, List<Mark> marks) {
    static final int WIDTH = 480;
    static final int HEIGHT = 160;
    private static final int AXIS = 20;

    public record Bar(int x, int y, int width, int height, String label, int count) {
    }

    /** A date marked on the time axis (a vendor's breach), with what to call it. */
    public record Mark(int x, String label) {
    }

    /** {@code marks}: dates to mark, by what to call them; those outside the chart's weeks are left out. */
    static WeeklyChart of(Map<LocalDate, Integer> perWeek, Map<LocalDate, String> marks) {
        int max = Math.max(1, perWeek.values().stream().mapToInt(Integer::intValue).max().orElse(0));
        int slot = WIDTH / Math.max(1, perWeek.size());
        List<Bar> bars = new ArrayList<>();
        int i = 0;
        for (var e : perWeek.entrySet()) {
            int h = (int) Math.round((HEIGHT - AXIS - 10) * (double) e.getValue() / max);
            bars.add(new Bar(i * slot + 4, HEIGHT - AXIS - h, slot - 8, h, e.getKey().toString().substring(5), e.getValue()));
            i++;
        }
        List<Mark> placed = new ArrayList<>();
        List<LocalDate> weeks = List.copyOf(perWeek.keySet());
        if (!weeks.isEmpty()) {
            LocalDate first = weeks.getFirst();
            LocalDate end = weeks.getLast().plusWeeks(1);
            marks.forEach((date, label) -> {
                if (!date.isBefore(first) && date.isBefore(end)) {
                    long days = java.time.temporal.ChronoUnit.DAYS.between(first, date);
                    placed.add(new Mark((int) (days * slot / 7), label));
                }
            });
        }
        return new WeeklyChart(WIDTH, HEIGHT, max, bars, placed);
    }

    public int total() {
        return bars.stream().mapToInt(Bar::count).sum();
    }

    public int axisY() {
        return HEIGHT - AXIS;
    }
}
