package io.github.motcua.rules.internal;

import io.github.motcua.calendar.CalendarException;
import io.github.motcua.calendar.CalendarFile;
import io.github.motcua.calendar.CalendarFileException;
import io.github.motcua.calendar.Calendars;
import io.github.motcua.calendar.DeadlineEngine;
import io.github.motcua.calendar.DeadlineSettings;
import io.github.motcua.calendar.WorkingCalendar;
import io.github.motcua.fees.ExemptionCatalog;
import io.github.motcua.fees.FeeTable;
import io.github.motcua.fees.FeeTableProblem;
import io.github.motcua.fees.FeeTableResult;
import io.github.motcua.fees.FeeTables;
import io.github.motcua.forms.FormRegistry;
import io.github.motcua.forms.Forms;
import io.github.motcua.forms.FormsException;
import io.github.motcua.forms.UnableToLoadFormsException;
import io.github.motcua.law.LegalBasis;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.spi.PackSection;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sections every engine loads unless a registered section of the same name replaces it: the
 * working calendar and deadline settings ({@value #CALENDAR}), the exemption catalogue and fee tables
 * ({@value #FEES}), and the e-forms ({@value #FORMS}). Each turns its module's problems into
 * {@link PackProblem}s with file, line and column. Stateless, so thread-safe.
 */
final class BuiltInSections {
    static final String CALENDAR = "calendar";
    static final String FEES = "fees";
    static final String FORMS = "forms";
    private static final Pattern FEE_FILE = Pattern.compile("^procedures/([^/]+)/fees\\.(csv|xlsx)$");

    private BuiltInSections() {
    }

    /** The built-in sections, in load order. */
    static List<PackSection> all() {
        return all(false);
    }

    /** @param lazyForms build the form registry with lazy schema compilation (a lazy engine's) */
    static List<PackSection> all(boolean lazyForms) {
        return List.of(new CalendarSection(), new FeeSection(), new FormSection(lazyForms), new Routing.Section());
    }

    /** A pack's fee data: the exemption catalogue and each procedure's fee table by procedure code. */
    record PackFees(ExemptionCatalog catalog, Map<String, FeeTable> tables) {
        PackFees {
            tables = Map.copyOf(tables);
        }
    }

    private static PackSection.Context empty() {
        return new PackSection.Context(null, Map.of(), Map.of(), Map.of());
    }

    /** {@code calendar/*.yaml} with pack.yaml's {@code defaults} and {@code calendar.switches}: a {@link DeadlineEngine}. */
    static final class CalendarSection implements PackSection {
        @Override
        public String name() {
            return CALENDAR;
        }

        @Override
        public boolean claims(String path) {
            return path.startsWith("calendar/");
        }

        @Override
        public Result load(Map<String, byte[]> files) {
            return load(files, empty());
        }

        @Override
        public Result load(Map<String, byte[]> files, Context context) {
            List<PackProblem> problems = new ArrayList<>();
            try {
                DeadlineSettings settings = DeadlineSettings.defaults();
                Map<String, Boolean> switches = Map.of();
                byte[] packYaml = context.files().get("pack.yaml");
                if (packYaml != null) {
                    CalendarFile f = new CalendarFile("pack.yaml", packYaml);
                    settings = Calendars.readSettings(f);
                    switches = Calendars.readSwitches(f);
                }
                List<CalendarFile> calendarFiles = new ArrayList<>();
                for (Map.Entry<String, byte[]> e : new TreeMap<>(files).entrySet()) {
                    if (e.getKey().endsWith(".yaml") || e.getKey().endsWith(".yml")) {
                        calendarFiles.add(new CalendarFile(e.getKey(), e.getValue()));
                    } else {
                        problems.add(new PackProblem(e.getKey(), 0, 0, "UNKNOWN_FILE",
                                "Thư mục calendar/ chỉ chứa tệp YAML", "the calendar/ folder holds YAML files only"));
                    }
                }
                WorkingCalendar calendar = Calendars.load(calendarFiles, switches, context.bases(), settings.officeHours());
                return new Result(problems.isEmpty() ? DeadlineEngine.of(calendar, settings) : null, problems);
            } catch (CalendarFileException e) {
                problems.add(new PackProblem(e.file(), e.line(), e.column(), "CALENDAR",
                        "Lỗi lịch làm việc: " + e.problem(), "calendar problem: " + e.problem()));
            } catch (CalendarException e) {
                problems.add(new PackProblem("pack.yaml", 0, 0, "CALENDAR",
                        "Lỗi lịch làm việc: " + e.getMessage(), "calendar problem: " + e.getMessage()));
            }
            return new Result(null, problems);
        }
    }

    /** {@code exemptions.yaml} and each {@code procedures/<code>/fees.csv|xlsx}: a {@link PackFees}. */
    static final class FeeSection implements PackSection {
        @Override
        public String name() {
            return FEES;
        }

        @Override
        public boolean claims(String path) {
            return path.equals("exemptions.yaml") || FEE_FILE.matcher(path).matches();
        }

        @Override
        public Result load(Map<String, byte[]> files) {
            return load(files, empty());
        }

        @Override
        public Result load(Map<String, byte[]> files, Context context) {
            List<PackProblem> problems = new ArrayList<>();
            Function<String, Optional<LegalBasis>> bases = id -> Optional.ofNullable(context.bases().get(id));
            ExemptionCatalog catalog = ExemptionCatalog.of(List.of());
            byte[] ex = files.get("exemptions.yaml");
            if (ex != null) {
                // the published schema first: an analyst's typo gets the file's own line and column
                YamlDoc doc = YamlDoc.parse("exemptions.yaml", new String(ex, java.nio.charset.StandardCharsets.UTF_8), problems);
                if (doc == null) {
                    return new Result(null, problems);
                }
                List<PackProblem> schemaProblems = Schemas.validate("exemptions", doc, "", doc.root());
                if (!schemaProblems.isEmpty()) {
                    problems.addAll(schemaProblems);
                    return new Result(null, problems);
                }
                ExemptionCatalog.Result r = ExemptionCatalog.parse("exemptions.yaml", new ByteArrayInputStream(ex), bases);
                r.problems().forEach(p -> problems.add(problem(p)));
                if (r.catalog() == null) {
                    return new Result(null, problems);
                }
                catalog = r.catalog();
            }
            return tables(files, bases, catalog, problems, null, java.util.Set.of());
        }

        /**
         * A reload whose pack-wide files (exemptions.yaml, legal bases) are byte-identical to those
         * {@code previous} was loaded from: reuses its catalogue, and its fee table of every procedure
         * in {@code unchanged} (folders byte-identical); parses the rest.
         */
        Result load(Map<String, byte[]> files, Context context, PackFees previous, java.util.Set<String> unchanged) {
            List<PackProblem> problems = new ArrayList<>();
            Function<String, Optional<LegalBasis>> bases = id -> Optional.ofNullable(context.bases().get(id));
            return tables(files, bases, previous.catalog(), problems, previous, unchanged);
        }

        private static Result tables(Map<String, byte[]> files, Function<String, Optional<LegalBasis>> bases,
                ExemptionCatalog catalog, List<PackProblem> problems, PackFees previous, java.util.Set<String> unchanged) {
            Map<String, FeeTable> tables = new TreeMap<>();
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Matcher m = FEE_FILE.matcher(e.getKey());
                if (!m.matches()) {
                    continue;
                }
                String code = m.group(1);
                if (previous != null && unchanged.contains(code) && previous.tables().containsKey(code)) {
                    tables.put(code, previous.tables().get(code));
                    continue;
                }
                if (tables.containsKey(code)) {
                    problems.add(new PackProblem(e.getKey(), 0, 0, "DUPLICATE_FEES",
                            "Thủ tục có cả fees.csv và fees.xlsx; chỉ giữ một tệp [" + code + "]",
                            "the procedure has both fees.csv and fees.xlsx; keep one [" + code + "]"));
                    continue;
                }
                FeeTableResult r = m.group(2).equals("csv")
                        ? FeeTables.parseCsv(e.getKey(), new ByteArrayInputStream(e.getValue()), bases, catalog)
                        : FeeTables.parseXlsx(e.getKey(), new ByteArrayInputStream(e.getValue()), bases, catalog);
                r.problems().forEach(p -> problems.add(problem(p)));
                if (r.table() != null) {
                    tables.put(code, r.table());
                }
            }
            return new Result(problems.isEmpty() ? new PackFees(catalog, tables) : null, problems);
        }

        private static PackProblem problem(FeeTableProblem p) {
            String where = p.column().isEmpty() ? "" : String.format(Locale.ROOT, " (cột/column %s, giá trị/value [%s])",
                    p.column(), p.value());
            return new PackProblem(p.file(), p.row(), p.columnNumber(), "FEES", p.messageVi() + where, p.messageEn() + where);
        }
    }

    /** {@code forms/**}, {@code templates/**} and each procedure's {@code form.schema.json} and templates: a {@link FormRegistry}. */
    static final class FormSection implements PackSection {
        private static final java.util.regex.Pattern FORM_FILE =
                java.util.regex.Pattern.compile("procedures/[^/]+/(form\\.schema\\.json|templates/.+)");
        private final boolean lazy;

        FormSection(boolean lazy) {
            this.lazy = lazy;
        }

        @Override
        public String name() {
            return FORMS;
        }

        @Override
        public boolean claims(String path) {
            return path.startsWith("forms/") || path.startsWith("templates/")
                    || FORM_FILE.matcher(path).matches();
        }

        @Override
        public Result load(Map<String, byte[]> files) {
            return load(files, empty());
        }

        @Override
        public Result load(Map<String, byte[]> files, Context context) {
            if (files.isEmpty()) {
                return new Result(null, List.of());
            }
            Map<String, String> text = new TreeMap<>();
            files.forEach((p, b) -> text.put(p, new String(b, StandardCharsets.UTF_8)));
            try {
                FormRegistry registry = Forms.builder().packFiles(text).unitCodes(context.units().keySet()).lazyCompile(lazy).build();
                return new Result(registry, List.of());
            } catch (io.github.motcua.forms.TemplateRefusedException e) {
                // a template outside the sandbox's allowlist, at its line (see docs/forms.md "Templates and the sandbox")
                String file = e.file() != null ? e.file() : files.keySet().iterator().next();
                String where = file + ":" + e.line() + ":" + e.column() + ": ";
                String msg = e.getMessage().startsWith(where) ? e.getMessage().substring(where.length()) : e.getMessage();
                return new Result(null, List.of(new PackProblem(file, e.line(), e.column(), "TEMPLATE_REFUSED",
                        "Mẫu in bị từ chối: " + msg, "template refused: " + msg)));
            } catch (UnableToLoadFormsException e) {
                String file = e.file() != null ? e.file() : files.keySet().iterator().next();
                return new Result(null, List.of(new PackProblem(file, 0, 0, "FORMS",
                        "Không nạp được tờ khai điện tử: " + e.getMessage(), "cannot load the e-forms: " + e.getMessage())));
            } catch (FormsException e) {
                return new Result(null, List.of(new PackProblem(files.keySet().iterator().next(), 0, 0, "FORMS",
                        "Không nạp được tờ khai điện tử: " + e.getMessage(), "cannot load the e-forms: " + e.getMessage())));
            }
        }
    }
}
