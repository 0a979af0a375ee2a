package io.github.motcua.examples.cli;

import io.github.motcua.catalogue.imports.ImportReport;
import io.github.motcua.catalogue.imports.Importer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code import PACK FILE_OR_FOLDER... [--check] [--json] [--report FILE]}: imports national procedure
 * records into a pack (docs/import.md). Not thread-safe.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Nhập bản ghi thủ tục hành chính quốc gia (JSON: một bản ghi mỗi tệp, một thư mục, hoặc một mảng) vào bộ "
                + "quy tắc: national.yaml được ghi lại mỗi lần nhập, local.yaml và quy tắc của cán bộ được giữ. In báo cáo: giá trị "
                + "cần rà soát, thay đổi so với lần nhập trước, chênh lệch của thủ tục viết tay.",
            "Import national procedure records (JSON: one record per file, a folder, or an array) into a pack: national.yaml "
                + "is rewritten by every import, local.yaml and the analysts' rules are kept. Prints the report: values to "
                + "review, the diff against the previous import, the drift of hand-written procedures."})
public final class ImportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PACK", description = {"Thư mục bộ quy tắc.", "The pack folder."})
    Path pack;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE_OR_FOLDER",
            description = {"Tệp JSON hoặc thư mục các tệp JSON.", "JSON files or folders of them."})
    List<Path> inputs;

    @Option(names = "--check", description = {"Không thay đổi gì: chỉ báo cáo chênh lệch (drift) và thay đổi.",
        "Change nothing: report the drift and what an import would change."})
    boolean check;

    @Option(names = "--json", description = {"In báo cáo dạng JSON.", "Print the report as JSON."})
    boolean json;

    @Option(names = "--report", paramLabel = "FILE", description = {"Ghi thêm báo cáo JSON vào tệp này.",
        "Also write the JSON report to this file."})
    Path reportFile;

    @Option(names = "--skip-refused", description = {"Vẫn nhập các bản ghi tốt khi có bản ghi bị từ chối (mã thoát vẫn là 2).",
        "Import the good records even when some are refused (the exit code is still 2)."})
    boolean skipRefused;

    @Option(names = "--no-verify", negatable = false, description = {"Không nạp thử bộ quy tắc trước khi thay thế.",
        "Do not load the updated pack before replacing the old one."})
    boolean noVerify;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Importer importer = Importer.into(pack).skipRefused(skipRefused).verify(!noVerify);
        ImportReport r = check ? importer.check(inputs) : importer.importRecords(inputs);
        spec.commandLine().getOut().print(json ? r.json() : r.text());
        if (reportFile != null) {
            try {
                Files.writeString(reportFile, r.json(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                spec.commandLine().getErr().println(CliMessages.both("CLI_CANNOT_WRITE_REPORT") + ": " + e.getMessage());
                return ExitCodes.IO;
            }
        }
        return r.ok() ? ExitCodes.OK : ExitCodes.PACK_PROBLEMS;
    }
}
