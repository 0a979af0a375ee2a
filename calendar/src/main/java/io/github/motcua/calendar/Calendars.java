package io.github.motcua.calendar;

import io.github.motcua.kernel.PackReadException;
import io.github.motcua.kernel.PackReader;
import io.github.motcua.law.LegalBasis;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Front door of the calendar: the built-in Labour-Code calendar, and the loader of a pack's
 * {@code calendar/} folder. See {@code docs/calendar.md} for the file format.
 *
 * <p>Stateless and thread-safe; the calendars it returns are immutable and meant to be shared.
 */
public final class Calendars {
    private static final String BUILT_IN = "labour-code-holidays.yaml";
    private static final String DEADLINE_BASES = "deadline-bases.yaml";

    private Calendars() {
    }

    private static final class BuiltIn {
        static final CalendarFiles FILES;
        static final Map<String, LegalBasis> BASES;
        static final WorkingCalendar DEFAULT;

        static {
            CalendarFiles f = new CalendarFiles(Map.of());
            f.readBases(YamlNode.parse(DEADLINE_BASES, resource(DEADLINE_BASES)));
            f.read(new CalendarFile(BUILT_IN, resource(BUILT_IN)));
            FILES = f;
            BASES = Map.copyOf(f.bases);
            DEFAULT = new WorkingCalendar(f.ruleList(), Map.of(), Map.of(), f.compensatoryBasis, OfficeHours.DEFAULT);
        }

        private static byte[] resource(String name) {
            try (InputStream in = Calendars.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new CalendarException(CalendarMessages.problem("BUILT_IN_MISSING", "name", name), null);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new CalendarException(CalendarMessages.problem("BUILT_IN_UNREADABLE", "name", name), e);
            }
        }
    }

    /**
     * The Labour-Code calendar with no pack schedules: Art. 112(1) holidays computed for every
     * year, Art. 111(3) compensatory days, default office hours, every switch on.
     */
    public static WorkingCalendar labourCode() {
        return BuiltIn.DEFAULT;
    }

    /**
     * The built-in legal bases by id: the Labour Code articles, the 24/11 resolution (unverified),
     * and the deadline-counting bases ({@code BLDS-2015-D147-2}, {@code BLDS-2015-D148},
     * {@code LHT-2014-D5-3}, {@code ND-23-2015-D7}, {@code MOTCUA-ONLINE-OUT-OF-HOURS},
     * {@code ND-101-2024-PL1-V-II-10}).
     */
    public static Map<String, LegalBasis> builtInBases() {
        return BuiltIn.BASES;
    }

    /** {@link #load(List, Map, Map, OfficeHours)} with only the built-in bases and default office hours. */
    public static WorkingCalendar load(List<CalendarFile> files, Map<String, Boolean> switches) {
        return load(files, switches, Map.of(), OfficeHours.DEFAULT);
    }

    /**
     * Builds a pack's calendar from its calendar files.
     *
     * @param files       the files of the pack's {@code calendar/} folder (kinds {@code schedule},
     *                    {@code holiday-rules}, {@code switches}), read in the given order
     * @param switches    the pack's holiday-list switches (pack.yaml {@code calendar.switches}); they
     *                    override switches files; an id no rule or schedule uses is an error
     * @param bases       the pack's legal bases by id (legal-bases/calendar.yaml), added to the built-in ones
     * @param officeHours the pack's office hours
     * @throws CalendarFileException for any bad file, with file, line and column
     * @throws CalendarException     for an unknown switch id
     */
    public static WorkingCalendar load(List<CalendarFile> files, Map<String, Boolean> switches,
            Map<String, LegalBasis> bases, OfficeHours officeHours) {
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(switches, "switches");
        Objects.requireNonNull(bases, "bases");
        Objects.requireNonNull(officeHours, "officeHours");
        Map<String, LegalBasis> known = new HashMap<>(BuiltIn.BASES);
        for (Map.Entry<String, LegalBasis> e : bases.entrySet()) {
            known.putIfAbsent(e.getKey(), e.getValue());
        }
        CalendarFiles f = new CalendarFiles(known);
        f.rules.putAll(BuiltIn.FILES.rules);
        f.compensatoryBasis = BuiltIn.FILES.compensatoryBasis;
        for (CalendarFile file : files) {
            f.read(Objects.requireNonNull(file, "file"));
        }
        Map<String, Boolean> effective = new HashMap<>(f.switches);
        effective.putAll(switches);
        Set<String> usable = new HashSet<>();
        for (HolidayRule r : f.rules.values()) {
            if (r.switchId() != null) {
                usable.add(r.switchId());
            }
        }
        for (YearSchedule s : f.schedules.values()) {
            for (YearSchedule.Entry e : s.entries().values()) {
                if (e.switchId() != null) {
                    usable.add(e.switchId());
                }
            }
        }
        for (String id : effective.keySet()) {
            if (!usable.contains(id)) {
                throw new CalendarException(CalendarMessages.problem("UNKNOWN_SWITCH", "id", id, "known", new TreeSet<>(usable)), null);
            }
        }
        return new WorkingCalendar(f.ruleList(), f.schedules, effective, f.compensatoryBasis, officeHours);
    }

    /**
     * Loads the calendar of a pack folder: {@code calendar/*.yaml} (by name),
     * {@code legal-bases/calendar.yaml}, and from {@code pack.yaml} only
     * {@code calendar.switches} and {@code defaults.officeHours}.
     */
    public static WorkingCalendar loadPack(Path packDir) {
        Objects.requireNonNull(packDir, "packDir");
        // the kernel's one way into a pack: a link leaving it, an oversized or non-UTF-8 file is refused
        PackReader pack = PackReader.of(packDir, YamlNode.LIMITS);
        try {
            Map<String, Boolean> switches = new HashMap<>();
            OfficeHours hours = OfficeHours.DEFAULT;
            Optional<byte[]> packYaml = pack.bytes("pack.yaml");
            if (packYaml.isPresent()) {
                PackYaml p = PackYaml.read(new CalendarFile("pack.yaml", packYaml.get()));
                switches.putAll(p.switches);
                if (p.officeHours != null) {
                    hours = p.officeHours;
                }
            }
            Map<String, LegalBasis> bases = new HashMap<>();
            Optional<byte[]> basesFile = pack.bytes("legal-bases/calendar.yaml");
            if (basesFile.isPresent()) {
                CalendarFiles b = new CalendarFiles(Map.of());
                b.readBases(YamlNode.parse("legal-bases/calendar.yaml", basesFile.get()));
                bases.putAll(b.bases);
            }
            List<CalendarFile> files = new ArrayList<>();
            for (String name : pack.list("calendar", ".yaml")) {
                files.add(new CalendarFile(name, pack.bytes(name).orElseThrow()));
            }
            return load(files, switches, bases, hours);
        } catch (PackReadException e) {
            throw YamlNode.fromKernel(e.problem());
        }
    }

    /** Reads the pack settings the calendar needs from pack.yaml, leniently (other keys belong to the engine). */
    static final class PackYaml {
        final Map<String, Boolean> switches = new HashMap<>();
        OfficeHours officeHours;
        DeadlineSettings settings = DeadlineSettings.defaults();

        static PackYaml read(CalendarFile file) {
            PackYaml p = new PackYaml();
            YamlNode root = YamlNode.parse(file.name(), file.content());
            Map<String, YamlNode> top = root.map("pack.yaml");
            YamlNode cal = top.get("calendar");
            if (cal != null && cal.map("calendar").get("switches") != null) {
                for (Map.Entry<String, YamlNode> e : cal.map("calendar").get("switches").map("switches").entrySet()) {
                    p.switches.put(e.getKey(), e.getValue().bool("switch [" + e.getKey() + "]"));
                }
            }
            YamlNode defaults = top.get("defaults");
            if (defaults != null) {
                Map<String, YamlNode> d = defaults.map("defaults");
                DeadlineSettings s = DeadlineSettings.defaults();
                if (d.get("officeHours") != null) {
                    List<OfficeHours.Session> sessions = new ArrayList<>();
                    for (YamlNode n : d.get("officeHours").list("officeHours")) {
                        Map<String, YamlNode> m = n.map("an office session", Set.of("from", "to"));
                        if (m.get("from") == null || m.get("to") == null) {
                            throw n.error("FILE_SESSION_ENDS");
                        }
                        try {
                            sessions.add(new OfficeHours.Session(m.get("from").time("from"), m.get("to").time("to")));
                        } catch (InvalidDeadlineException e) {
                            throw n.error(e);
                        }
                    }
                    try {
                        p.officeHours = new OfficeHours(sessions);
                    } catch (InvalidDeadlineException e) {
                        throw d.get("officeHours").error(e);
                    }
                    s = s.withOfficeHours(p.officeHours);
                }
                try {
                    if (d.get("cutOff") != null) {
                        s = s.withCutOff(d.get("cutOff").time("cutOff"));
                    }
                    if (d.get("countReceiptDay") != null) {
                        s = s.withCountReceiptDay(d.get("countReceiptDay").bool("countReceiptDay"));
                    }
                    if (d.get("dueAt") != null) {
                        s = s.withDueAt(enumValue(DueAt.class, d.get("dueAt")));
                    }
                    if (d.get("onlineOutOfHours") != null) {
                        s = s.withOnlineOutOfHours(enumValue(OnlineOutOfHours.class, d.get("onlineOutOfHours")));
                    }
                } catch (InvalidDeadlineException e) {
                    throw defaults.error(e);
                }
                p.settings = s;
            }
            return p;
        }

        private static <E extends Enum<E>> E enumValue(Class<E> type, YamlNode n) {
            String v = n.text(type.getSimpleName());
            try {
                return Enum.valueOf(type, v);
            } catch (IllegalArgumentException e) {
                throw n.error("FILE_UNKNOWN_VALUE", "type", type.getSimpleName(), "value", v, "known",
                        java.util.Arrays.toString(type.getEnumConstants()));
            }
        }
    }

    /**
     * The deadline settings in a pack.yaml's {@code defaults} (office hours, cut-off,
     * countReceiptDay, dueAt, onlineOutOfHours), each absent key taking its documented default.
     *
     * @throws CalendarFileException for a bad value, with its position
     */
    public static DeadlineSettings readSettings(CalendarFile packYaml) {
        return PackYaml.read(packYaml).settings;
    }

    /**
     * The holiday-list switches in a pack.yaml's {@code calendar.switches} (id to on/off), to pass to
     * {@link #load(List, Map, Map, OfficeHours)}; empty when there are none.
     *
     * @throws CalendarFileException for a bad value, with its position
     */
    public static Map<String, Boolean> readSwitches(CalendarFile packYaml) {
        return Map.copyOf(PackYaml.read(packYaml).switches);
    }
}
