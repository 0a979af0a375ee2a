package io.github.motcua.examples.cli;

import io.github.motcua.calendar.CalendarException;
import io.github.motcua.calendar.CalendarFileException;
import io.github.motcua.calendar.CalendarReports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code calendar lunar|month-starts|days-off}: the calendar reports of docs/calendar.md §8, printed
 * exactly as {@link CalendarReports} returns them. Not thread-safe.
 */
@Command(name = "calendar", mixinStandardHelpOptions = true,
        description = {"Âm lịch và ngày nghỉ: chuyển ngày dương sang âm, liệt kê ngày đầu tháng âm, liệt kê ngày nghỉ của một năm.",
            "Lunar calendar and days off: convert a date, list lunar month starts, list a year's days off."},
        subcommands = {CalendarCommand.Lunar.class, CalendarCommand.MonthStarts.class, CalendarCommand.DaysOff.class})
public final class CalendarCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Prints the calendar's message after a Vietnamese-then-English lead, and returns the exit code. */
    static int failed(CommandSpec spec, CalendarException e) {
        boolean file = e instanceof CalendarFileException;
        // a date's problem comes in both languages from the calendar's bundle (the kernel's problem)
        spec.commandLine().getErr().println(file ? CliMessages.both("CLI_CALENDAR_FILE") + ": " + e.getMessage()
                : CliMessages.both("CLI_BAD_DATE") + ": " + e.toProblem().messageVi() + " / " + e.toProblem().messageEn());
        return file ? ExitCodes.PACK_PROBLEMS : ExitCodes.BAD_ARGUMENT;
    }

    /** {@code calendar lunar DATE}. */
    @Command(name = "lunar", mixinStandardHelpOptions = true,
            description = {"In ngày âm lịch của một ngày dương lịch, dạng JSON {\"year\":2026,\"month\":1,\"day\":1,\"leap\":false}.",
                "Print the lunar date of a Gregorian date as JSON {\"year\":2026,\"month\":1,\"day\":1,\"leap\":false}."})
    static final class Lunar implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "DATE", description = {"Ngày dương lịch YYYY-MM-DD.", "A Gregorian date YYYY-MM-DD."})
        String date;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try {
                spec.commandLine().getOut().println(CalendarReports.lunar(date));
                return ExitCodes.OK;
            } catch (CalendarException e) {
                return failed(spec, e);
            }
        }
    }

    /** {@code calendar month-starts FROM TO}. */
    @Command(name = "month-starts", mixinStandardHelpOptions = true,
            description = {"In CSV các ngày đầu tháng âm lịch trong khoảng FROM..TO (gồm cả hai đầu): "
                    + "gregorian_date,lunar_year,lunar_month,leap.",
                "Print the lunar month starts within FROM..TO (both included) as CSV: "
                    + "gregorian_date,lunar_year,lunar_month,leap."})
    static final class MonthStarts implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FROM", description = {"Ngày đầu YYYY-MM-DD.", "First date YYYY-MM-DD."})
        String from;

        @Parameters(index = "1", paramLabel = "TO", description = {"Ngày cuối YYYY-MM-DD.", "Last date YYYY-MM-DD."})
        String to;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try {
                spec.commandLine().getOut().print(CalendarReports.monthStarts(from, to));
                return ExitCodes.OK;
            } catch (CalendarException e) {
                return failed(spec, e);
            }
        }
    }

    /** {@code calendar days-off PACK YEAR}. */
    @Command(name = "days-off", mixinStandardHelpOptions = true,
            description = {"In CSV date,kind,name mọi ngày thường được nghỉ và mọi ngày cuối tuần phải đi làm bù của một năm, "
                    + "theo lịch của bộ quy tắc (kind: holiday, compensatory, swapped-off, swapped-working).",
                "Print as CSV date,kind,name every weekday off and every weekend day worked in a year, per the pack's "
                    + "calendar (kind: holiday, compensatory, swapped-off, swapped-working). A year without an official "
                    + "schedule in the pack starts with a '# computed' comment line (in Vietnamese unless --lang en)."})
    static final class DaysOff implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "PACK", description = {"Thư mục bộ quy tắc, hoặc gói dựng sẵn (lệnh build).", "The pack folder, or a prebuilt pack (the build command)."})
        Path pack;

        @Parameters(index = "1", paramLabel = "YEAR", description = {"Năm, 1900..2199.", "The year, 1900..2199."})
        int year;

        @Option(names = "--lang", defaultValue = "vi", paramLabel = "vi|en",
                description = {"Ngôn ngữ thông báo (mặc định vi).", "Language of messages (default vi)."})
        String lang;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (io.github.motcua.rules.PrebuiltPack.isPrebuilt(pack)) {
                return fromPrebuilt();
            }
            if (!Files.isDirectory(pack)) {
                spec.commandLine().getErr().println(CliMessages.text("en".equalsIgnoreCase(lang), "CLI_NOT_A_PACK_FOLDER",
                        "pack", pack));
                return ExitCodes.IO;
            }
            try {
                spec.commandLine().getOut().print(CalendarReports.daysOff(pack, year, "en".equalsIgnoreCase(lang)));
                return ExitCodes.OK;
            } catch (CalendarException e) {
                return failed(spec, e);
            }
        }

        /** The calendar of a prebuilt pack: the one its engine serves (loading checks the whole artifact). */
        private int fromPrebuilt() {
            PackOptions options = new PackOptions();
            options.lang = lang;
            return options.withEngine(pack, spec.commandLine().getErr(), engine -> {
                try {
                    io.github.motcua.calendar.WorkingCalendar calendar = engine.deadlineEngine().orElseThrow().calendar();
                    spec.commandLine().getOut().print(CalendarReports.daysOff(calendar, year, "en".equalsIgnoreCase(lang)));
                    return ExitCodes.OK;
                } catch (CalendarException e) {
                    return failed(spec, e);
                }
            });
        }
    }
}
