package io.github.motcua.calendar;

import io.github.motcua.law.LegalBasis;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads calendar files (kinds {@code holiday-rules}, {@code schedule}, {@code switches}) and
 * legal-basis lists into the parts of a {@link WorkingCalendar}. Every problem is a
 * {@link CalendarFileException} with file, line and column.
 *
 * <p>Not thread-safe: one instance per load.
 */
final class CalendarFiles {
    private static final Set<String> TOP_SCHEDULE = Set.of("kind", "year", "title", "source", "days");
    private static final Set<String> TOP_RULES = Set.of("kind", "title", "bases", "rules", "compensatory");
    private static final Set<String> TOP_SWITCHES = Set.of("kind", "title", "switches");
    private static final Set<String> DAY_KEYS = Set.of("date", "from", "to", "kind", "name", "basis", "switch", "note");
    private static final Set<String> RULE_KEYS = Set.of("id", "name", "solar", "lunar", "daysBefore", "daysAfter",
            "validFrom", "validTo", "switch", "basis", "note");
    private static final Set<String> BASIS_KEYS = Set.of("id", "act", "article", "clause", "point", "link",
            "validFrom", "validTo", "verified", "note");

    final Map<String, LegalBasis> bases = new HashMap<>();
    final Map<String, HolidayRule> rules = new LinkedHashMap<>();
    final Map<Integer, YearSchedule> schedules = new TreeMap<>();
    final Map<String, Boolean> switches = new HashMap<>();
    LegalBasis compensatoryBasis;

    CalendarFiles(Map<String, LegalBasis> known) {
        bases.putAll(known);
    }

    void read(CalendarFile file) {
        YamlNode root = YamlNode.parse(file.name(), file.content());
        Map<String, YamlNode> top = root.map("a calendar file");
        YamlNode kindNode = top.get("kind");
        if (kindNode == null) {
            throw root.error("FILE_NO_KIND");
        }
        String kind = kindNode.text("kind");
        switch (kind) {
            case "schedule":
                readSchedule(root, root.map("a schedule file", TOP_SCHEDULE));
                break;
            case "holiday-rules":
                readRules(root.map("a holiday-rules file", TOP_RULES));
                break;
            case "switches":
                readSwitches(root.map("a switches file", TOP_SWITCHES));
                break;
            default:
                throw kindNode.error("FILE_UNKNOWN_KIND", "kind", kind);
        }
    }

    /** Reads a legal-bases list (pack-format: legal-bases/*.yaml) into the known bases. */
    void readBases(YamlNode list) {
        for (YamlNode n : list.list("bases")) {
            Map<String, YamlNode> m = n.map("a legal basis", BASIS_KEYS);
            String id = req(n, m, "id").text("id");
            if (bases.containsKey(id)) {
                throw m.get("id").error("FILE_BASIS_TWICE", "id", id);
            }
            LocalDate from = m.containsKey("validFrom") ? m.get("validFrom").date("validFrom") : null;
            LocalDate to = m.containsKey("validTo") ? m.get("validTo").date("validTo") : null;
            try {
                bases.put(id, new LegalBasis(id, req(n, m, "act").text("act"), opt(m, "article"), opt(m, "clause"),
                        opt(m, "point"), opt(m, "link"), from, to,
                        !m.containsKey("verified") || m.get("verified").bool("verified"), opt(m, "note")));
            } catch (IllegalArgumentException e) {
                throw n.error("FILE_BAD_BASIS", "detail", e.getMessage());
            }
        }
    }

    private static YamlNode req(YamlNode owner, Map<String, YamlNode> m, String key) {
        YamlNode v = m.get(key);
        if (v == null) {
            throw owner.error("FILE_MISSING_KEY", "key", key);
        }
        return v;
    }

    private static String opt(Map<String, YamlNode> m, String key) {
        YamlNode v = m.get(key);
        return v == null || v.value == null ? null : v.text(key);
    }

    private LegalBasis basis(YamlNode n) {
        String id = n.text("basis");
        LegalBasis b = bases.get(id);
        if (b == null) {
            throw n.error("FILE_UNKNOWN_BASIS", "id", id);
        }
        return b;
    }

    private void readSwitches(Map<String, YamlNode> top) {
        YamlNode s = top.get("switches");
        if (s == null) {
            return;
        }
        for (Map.Entry<String, YamlNode> e : s.map("switches").entrySet()) {
            switches.put(e.getKey(), e.getValue().bool("switch [" + e.getKey() + "]"));
        }
    }

    private void readRules(Map<String, YamlNode> top) {
        if (top.containsKey("bases")) {
            readBases(top.get("bases"));
        }
        if (top.containsKey("compensatory")) {
            YamlNode c = top.get("compensatory");
            Map<String, YamlNode> m = c.map("compensatory", Set.of("basis", "note"));
            compensatoryBasis = basis(req(c, m, "basis"));
        }
        if (!top.containsKey("rules")) {
            return;
        }
        for (YamlNode n : top.get("rules").list("rules")) {
            Map<String, YamlNode> m = n.map("a holiday rule", RULE_KEYS);
            String id = req(n, m, "id").text("id");
            String name = req(n, m, "name").text("name");
            boolean lunar = m.containsKey("lunar");
            if (lunar == m.containsKey("solar")) {
                throw n.error("FILE_RULE_ANCHOR", "id", id);
            }
            YamlNode anchor = m.get(lunar ? "lunar" : "solar");
            String md = anchor.text(lunar ? "lunar" : "solar");
            int month;
            int day;
            if (lunar) {
                // a lunar month has 29 or 30 days whatever its number: 02-30 exists in some years (MonthDay refuses it)
                if (!md.matches("[0-9]{2}-[0-9]{2}")) {
                    throw anchor.error("FILE_ANCHOR_FORMAT", "value", md);
                }
                month = Integer.parseInt(md.substring(0, 2));
                day = Integer.parseInt(md.substring(3));
                if (month < 1 || month > 12) {
                    throw anchor.error("FILE_LUNAR_MONTH", "value", md);
                }
                if (day < 1 || day > 30) {
                    throw anchor.error("FILE_LUNAR_DAY", "value", md);
                }
            } else {
                try {
                    MonthDay parsed = MonthDay.parse("--" + md);
                    month = parsed.getMonthValue();
                    day = parsed.getDayOfMonth();
                } catch (java.time.DateTimeException e) {
                    throw anchor.error("FILE_ANCHOR_FORMAT", "value", md);
                }
            }
            int before = m.containsKey("daysBefore") ? m.get("daysBefore").integer("daysBefore", 0, 10) : 0;
            int after = m.containsKey("daysAfter") ? m.get("daysAfter").integer("daysAfter", 0, 10) : 0;
            LocalDate from = m.containsKey("validFrom") ? m.get("validFrom").date("validFrom") : null;
            LocalDate to = m.containsKey("validTo") ? m.get("validTo").date("validTo") : null;
            if (from != null && to != null && to.isBefore(from)) {
                throw m.get("validTo").error("FILE_RULE_REVERSED", "id", id, "to", to, "from", from);
            }
            rules.put(id, new HolidayRule(id, name, lunar, month, day, before, after, from, to,
                    opt(m, "switch"), basis(req(n, m, "basis"))));
        }
    }

    private void readSchedule(YamlNode root, Map<String, YamlNode> top) {
        YamlNode yearNode = top.get("year");
        if (yearNode == null) {
            throw root.error("FILE_MISSING_KEY", "key", "year");
        }
        int year = yearNode.integer("year", LunarCalendar.MIN.getYear(), LunarCalendar.MAX.getYear());
        if (schedules.containsKey(year)) {
            throw yearNode.error("FILE_YEAR_TWICE", "year", year, "file", schedules.get(year).file());
        }
        Map<LocalDate, YearSchedule.Entry> entries = new TreeMap<>();
        Map<LocalDate, YamlNode> where = new HashMap<>();
        YamlNode days = top.get("days");
        List<YamlNode> list = days == null ? List.of() : days.list("days");
        for (YamlNode n : list) {
            Map<String, YamlNode> m = n.map("a schedule day", DAY_KEYS);
            LocalDate from;
            LocalDate to;
            if (m.containsKey("date")) {
                if (m.containsKey("from") || m.containsKey("to")) {
                    throw n.error("FILE_DATE_AND_RANGE");
                }
                from = m.get("date").date("date");
                to = from;
            } else {
                from = req(n, m, "from").date("from");
                to = req(n, m, "to").date("to");
                if (to.isBefore(from)) {
                    throw m.get("to").error("FILE_RANGE_REVERSED", "to", to, "from", from);
                }
                if (from.plusDays(31).isBefore(to)) {
                    throw m.get("to").error("FILE_RANGE_TOO_LONG", "from", from, "to", to);
                }
            }
            YamlNode kindNode = req(n, m, "kind");
            DayKind kind;
            try {
                kind = DayKind.valueOf(kindNode.text("kind"));
            } catch (IllegalArgumentException e) {
                throw kindNode.error("FILE_UNKNOWN_DAY_KIND", "kind", kindNode.value);
            }
            String name = req(n, m, "name").text("name");
            LegalBasis basis = basis(req(n, m, "basis"));
            String sw = opt(m, "switch");
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                if (d.getYear() != year) {
                    throw n.error("FILE_DATE_OUTSIDE_YEAR", "date", d, "year", year);
                }
                boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
                if (kind == DayKind.SWAPPED_WORKING && !weekend) {
                    throw n.error("FILE_SWAPPED_WORKING_WEEKDAY", "date", d, "weekday", d.getDayOfWeek());
                }
                if ((kind == DayKind.SWAPPED_OFF || kind == DayKind.COMPENSATORY) && weekend) {
                    throw n.error("FILE_OFF_ON_WEEKEND", "date", d, "weekday", d.getDayOfWeek(), "kind", kind.csvName());
                }
                YearSchedule.Entry prev = entries.get(d);
                if (prev != null) {
                    YamlNode p = where.get(d);
                    throw n.error("FILE_DAY_TWICE", "date", d, "first", prev.kind().csvName(), "line", p.line, "second", kind.csvName());
                }
                entries.put(d, new YearSchedule.Entry(kind, name, basis, sw));
                where.put(d, n);
            }
        }
        schedules.put(year, new YearSchedule(year, yearNode.file, new LinkedHashMap<>(entries)));
    }

    /** The rules in file order. */
    List<HolidayRule> ruleList() {
        return new ArrayList<>(rules.values());
    }
}
